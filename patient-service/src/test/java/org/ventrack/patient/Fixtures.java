package org.ventrack.patient;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ventrack.platform.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Sites, patients and their records for tests, created through the API as a client would. */
final class Fixtures {

    static final LocalDate START = LocalDate.of(2024, 1, 15);

    private Fixtures() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static void site(String code) {
        int status = as(TestTokens.admin())
                .body(Map.of("code", code, "name", "Site " + code, "country", code.substring(0, 2)))
                .post("/api/v1/sites").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("site " + code + " not created: " + status);
        }
    }

    static Map<String, Object> patient(String site, String upn) {
        return new HashMap<>(Map.of("siteCode", site, "upn", upn, "sex", "FEMALE", "birthDate", "2015-03-01",
                "diagnosis", "RELAPSED_AML", "diagnosisDate", "2023-05-02"));
    }

    static String register(String site, String upn) {
        return as(TestTokens.investigator()).body(patient(site, upn))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
    }

    /** A patient with a VEN_HMA course started on {@link #START}. */
    static String treated(String site, String upn) {
        String id = register(site, upn);
        as(TestTokens.investigator()).body(course(START, "VEN_HMA", 2))
                .post("/api/v1/patients/" + id + "/treatment-courses").then().statusCode(201);
        return id;
    }

    static Map<String, Object> course(LocalDate start, String regimen, Number cycles) {
        Map<String, Object> body = new HashMap<>(Map.of("startDate", start.toString(), "regimen", regimen,
                "partnerAgents", List.of("azacitidine"), "cycleLengthDays", 28, "activeDays", 21, "doseBasis", "WEIGHT",
                "dailyDoseMg", 200, "rampUp", true));
        body.put("cyclesGiven", cycles);
        return body;
    }

    static Map<String, Object> event(String kind, LocalDate date) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "date", date.toString()));
        switch (kind) {
            case "HSCT" -> {
                body.put("hsctDonor", "HAPLOIDENTICAL");
                body.put("hsctConditioning", "MYELOABLATIVE");
            }
            case "DEATH" -> body.put("deathCause", "DISEASE");
            default -> { }
        }
        return body;
    }

    static Map<String, Object> adverseEvent(String term, int grade, LocalDate onset, boolean serious) {
        return Map.of("term", term, "grade", grade, "onsetDate", onset.toString(), "serious", serious,
                "attribution", "POSSIBLE");
    }

    static String post(String patient, String records, Object body) {
        return as(TestTokens.investigator()).body(body).post("/api/v1/patients/" + patient + "/" + records)
                .then().statusCode(201).extract().path("id");
    }
}
