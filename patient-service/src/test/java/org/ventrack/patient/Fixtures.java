package org.ventrack.patient;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.Map;

import org.ventrack.platform.testing.TestTokens;

import io.restassured.http.ContentType;

/** Sites and patients for tests, created through the API as a client would. */
final class Fixtures {

    private Fixtures() {
    }

    static void site(String code) {
        int status = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Site " + code, "country", code.substring(0, 2)))
                .post("/api/v1/sites").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("site " + code + " not created: " + status);
        }
    }

    static Map<String, Object> patient(String site, String upn) {
        return Map.of("siteCode", site, "upn", upn, "sex", "FEMALE", "birthDate", LocalDate.of(2015, 3, 1).toString(),
                "diagnosis", "RELAPSED_AML", "diagnosisDate", "2023-05-02");
    }

    static String register(String site, String upn) {
        return given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON)
                .body(patient(site, upn))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
    }
}
