package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import io.restassured.http.ContentType;

/**
 * Not a test (surefire does not pick up *Benchmark): the write paths of response- and pk-service next to their
 * trivial endpoint, against the packaged services, a real database and broker. POST /api/v1/assessments (validation,
 * patient lock, insert, audit, re-classification under both criteria sets, outbox events) and POST /api/v1/pk/samples
 * (validation, lock, judgement, insert, audit, event, alert when flagged). 1,000 patients are registered and treated
 * through patient-service first; the writes are spread over them. patient- and survival-service are stopped for the
 * measurement, response-service after its own; an idle pk-service waits meanwhile. Beside the rates: CPU ms per
 * request of the service and the database, and the SQL statements per write (counted from the database's statement
 * log while 200 writes are sent one by one after the load). Run with
 * {@code ./mvnw -pl system-tests verify -Dtest=WriteApiBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class WriteApiBenchmark {

    private static final int PATIENTS = 1_000;
    private static final LocalDate START = LocalDate.of(2023, 1, 2);
    /** Writes sent one by one while the database logs its statements, after the load. */
    private static final int STATEMENT_COUNT_REQUESTS = 200;

    @Test
    void measure() throws Exception {
        LocalStack stack = StackFixture.start();
        try {
            ProcessHandle.of(stack.serviceProcessId("survival-service")).ifPresent(ProcessHandle::destroy);
            String patients = stack.serviceUrl("patient-service");
            String responses = stack.serviceUrl("response-service");
            String pk = stack.serviceUrl("pk-service");
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
                            .then().extract().path("venetoclaxStart") != null
                    && given().auth().oauth2(token).get(pk + "/api/v1/patients/" + last + "/facts")
                            .then().extract().statusCode() == 200);
            ProcessHandle.of(stack.serviceProcessId("patient-service")).ifPresent(ProcessHandle::destroy);

            LoadGenerator load = new LoadGenerator();
            long database = LoadGenerator.postmasterPid(stack.database());
            var responseService = new LoadGenerator.Watched(stack.serviceProcessId("response-service"), database);
            IntFunction<HttpRequest> assessment = i -> LoadGenerator.post(responses + "/api/v1/assessments", token,
                    "{\"patientId\":\"" + ids.get(Math.floorMod(i * 7919 + (int) Thread.currentThread().getId(), PATIENTS))
                            + "\",\"assessmentDate\":\"" + START.plusDays(1 + Math.floorMod(i, 300))
                            + "\",\"blastPercent\":3,\"circulatingBlasts\":false,\"extramedullaryDisease\":false,"
                            + "\"platelets\":120,\"anc\":1.5,\"cellularityPercent\":40,\"mrdStatus\":\"NEGATIVE\"}");
            load.measure("GET /api/v1/whoami (trivial)", responseService, i -> LoadGenerator.get(responses + "/api/v1/whoami", token));
            load.measure("POST /api/v1/assessments", responseService, assessment);
            load.countStatements("POST /api/v1/assessments", stack.database(), LocalStack.databaseOf("response-service"),
                    STATEMENT_COUNT_REQUESTS, assessment);

            ProcessHandle.of(stack.serviceProcessId("response-service")).ifPresent(ProcessHandle::destroy);
            var pkService = new LoadGenerator.Watched(stack.serviceProcessId("pk-service"), database);
            IntFunction<HttpRequest> sample = i -> LoadGenerator.post(pk + "/api/v1/pk/samples", token,
                    "{\"patientId\":\"" + ids.get(Math.floorMod(i * 7919 + (int) Thread.currentThread().getId(), PATIENTS))
                            + "\",\"sampledAt\":\"" + START.plusDays(9 + Math.floorMod(i, 300)) + "T08:00:00\","
                            + "\"lastDoseAt\":\"" + START.plusDays(8 + Math.floorMod(i, 300)) + "T08:00:00\","
                            + "\"dailyDoseMg\":250,\"concentrationNgPerMl\":314,\"kind\":\"TROUGH\"}");
            load.measure("GET /api/v1/whoami (pk, trivial)", pkService, i -> LoadGenerator.get(pk + "/api/v1/whoami", token));
            load.measure("POST /api/v1/pk/samples", pkService, sample);
            load.countStatements("POST /api/v1/pk/samples", stack.database(), LocalStack.databaseOf("pk-service"),
                    STATEMENT_COUNT_REQUESTS, sample);
        } finally {
            StackFixture.stop(stack);
        }
    }
}
