package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import io.restassured.http.ContentType;

/**
 * Not a test (surefire does not pick up *Benchmark): POST /api/v1/assessments of response-service (validation,
 * patient lock, insert, audit, re-classification under both criteria sets, outbox events) next to its trivial
 * endpoint, against the packaged service, a real database and broker. 1,000 patients are registered and treated
 * through patient-service first; the assessments are spread over them. pk-, survival- and then patient-service
 * are stopped for the measurement, so response-service has the 2 cores with the load generator. Run with
 * {@code ./mvnw -pl system-tests verify -Dtest=AssessmentApiBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AssessmentApiBenchmark {

    private static final int PATIENTS = 1_000;
    private static final LocalDate START = LocalDate.of(2023, 1, 2);

    @Test
    void measure() throws Exception {
        LocalStack stack = StackFixture.start();
        try {
            for (String service : List.of("pk-service", "survival-service")) {
                ProcessHandle.of(stack.serviceProcessId(service)).ifPresent(ProcessHandle::destroy);
            }
            String patients = stack.serviceUrl("patient-service");
            String responses = stack.serviceUrl("response-service");
            String token = stack.token("investigator");
            given().auth().oauth2(stack.token("admin")).contentType(ContentType.JSON)
                    .body(Map.of("code", "FR-LOAD", "name", "Load", "country", "FR"))
                    .post(patients + "/api/v1/sites").then().statusCode(201);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < PATIENTS; i++) {
                String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("siteCode", "FR-LOAD", "upn", "A-" + i, "sex", "MALE", "birthDate", "2016-01-01",
                                "diagnosis", "RELAPSED_AML"))
                        .post(patients + "/api/v1/patients").then().statusCode(201).extract().path("id");
                given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("startDate", START.toString(), "regimen", "VEN_HMA", "cycleLengthDays", 28,
                                "activeDays", 21, "doseBasis", "WEIGHT", "dailyDoseMg", 250, "rampUp", true))
                        .post(patients + "/api/v1/patients/" + id + "/treatment-courses").then().statusCode(201);
                ids.add(id);
            }
            String last = ids.get(PATIENTS - 1);
            await().atMost(Duration.ofSeconds(120)).until(() -> given().auth().oauth2(token)
                    .get(responses + "/api/v1/patients/" + last + "/facts").then().extract().statusCode() == 200
                    && given().auth().oauth2(token).get(responses + "/api/v1/patients/" + last + "/responses")
                            .then().extract().path("venetoclaxStart") != null);
            ProcessHandle.of(stack.serviceProcessId("patient-service")).ifPresent(ProcessHandle::destroy);

            LoadGenerator load = new LoadGenerator();
            load.measure("GET /api/v1/whoami (trivial)", i -> LoadGenerator.get(responses + "/api/v1/whoami", token));
            load.measure("POST /api/v1/assessments", i -> LoadGenerator.post(responses + "/api/v1/assessments", token,
                    "{\"patientId\":\"" + ids.get(Math.floorMod(i * 7919 + (int) Thread.currentThread().getId(), PATIENTS))
                            + "\",\"assessmentDate\":\"" + START.plusDays(1 + Math.floorMod(i, 300))
                            + "\",\"blastPercent\":3,\"circulatingBlasts\":false,\"extramedullaryDisease\":false,"
                            + "\"platelets\":120,\"anc\":1.5,\"cellularityPercent\":40,\"mrdStatus\":\"NEGATIVE\"}"));
        } finally {
            StackFixture.stop(stack);
        }
    }
}
