package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * A co-medication recorded in patient-service reaches pk-service through the outbox and the real broker: a strong
 * CYP3A inhibitor (voriconazole, classified by patient-service's maintained list) started during venetoclax raises an
 * alert for the site, and the paper's voriconazole trough posted afterwards is linked to it.
 */
class InhibitorAlertTest {

    private static final String SITE = "FR-CYP";
    private static LocalStack stack;
    private static String patients;
    private static String pk;
    private static String siteUser;

    @BeforeAll
    static void startStack() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = StackFixture.start();
        patients = stack.serviceUrl("patient-service");
        pk = stack.serviceUrl("pk-service");
        siteUser = stack.token("site-user", SITE);
        given().auth().oauth2(stack.token("admin")).contentType(ContentType.JSON)
                .body(Map.of("code", SITE, "name", "CYP3A", "country", "FR"))
                .post(patients + "/api/v1/sites").then().statusCode(201);
    }

    @AfterAll
    static void stopStack() throws Exception {
        StackFixture.stop(stack);
    }

    @Test
    void voriconazoleStartedDuringVenetoclaxRaisesAnAlertInPkService() {
        String patient = given().auth().oauth2(siteUser).contentType(ContentType.JSON)
                .body(Map.of("siteCode", SITE, "upn", "CYP-1", "sex", "FEMALE", "birthDate", "2013-03-01",
                        "diagnosis", "RELAPSED_AML"))
                .post(patients + "/api/v1/patients").then().statusCode(201).extract().path("id");
        given().auth().oauth2(siteUser).contentType(ContentType.JSON)
                .body(Map.of("startDate", "2024-01-15", "regimen", "VEN_HMA", "cycleLengthDays", 28, "activeDays", 21,
                        "doseBasis", "WEIGHT", "dailyDoseMg", 200, "rampUp", true))
                .post(patients + "/api/v1/patients/" + patient + "/treatment-courses").then().statusCode(201);
        given().auth().oauth2(siteUser).contentType(ContentType.JSON)
                .body(Map.of("drug", "paracetamol", "startDate", "2024-01-16"))
                .post(patients + "/api/v1/patients/" + patient + "/comedications").then().statusCode(201);
        given().auth().oauth2(siteUser).contentType(ContentType.JSON)
                .body(Map.of("drug", "voriconazole", "startDate", "2024-01-17"))
                .post(patients + "/api/v1/patients/" + patient + "/comedications").then().statusCode(201)
                .body("cyp3aInhibition", equalTo("STRONG"));

        String ofPatient = "items.findAll { it.patientId == '" + patient + "' }";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(siteUser)
                .get(pk + "/api/v1/pk/alerts").then().statusCode(200)
                .body(ofPatient + ".kind", contains("STRONG_INHIBITOR_STARTED"))
                .body(ofPatient + "[0].reasons[0]", containsString("voriconazole (strong CYP3A inhibitor)")));
        given().auth().oauth2(stack.token("site-user", "FR-ELSEWHERE")).get(pk + "/api/v1/pk/alerts").then()
                .statusCode(200).body(ofPatient, empty());

        given().auth().oauth2(siteUser).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient, "sampledAt", "2024-01-24T08:00:00", "lastDoseAt", "2024-01-23T08:00:00",
                        "dailyDoseMg", 200, "concentrationNgPerMl", 7215, "kind", "TROUGH"))
                .post(pk + "/api/v1/pk/samples").then().statusCode(201)
                .body("judgement.flags.flag", hasItems("ABOVE_RANGE", "INTERACTION_SUSPECTED"))
                .body("judgement.activeInhibitors", hasItem(containsString("voriconazole")));
        given().auth().oauth2(siteUser).get(pk + "/api/v1/pk/alerts").then().statusCode(200)
                .body(ofPatient + ".kind", hasItems("STRONG_INHIBITOR_STARTED", "FLAGGED_SAMPLE"));
    }
}
