package org.ventrack.system;

import static io.restassured.RestAssured.given;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import io.restassured.http.ContentType;

/**
 * Not a test (surefire does not pick up *Benchmark): patient-service's GET patient and POST patient next to its
 * trivial authenticated endpoint (GET /api/v1/whoami), in one run against the packaged service and a real database.
 * For each: the maximum throughput of a closed loop of concurrent clients, then the latency at a fixed arrival rate
 * of half that maximum (measured from each request's scheduled time, so a stall is not hidden), the CPU ms per
 * request of the service and the database, and the SQL statements per POST (counted from the database's statement
 * log while 200 are sent one by one after the load). Run with
 * {@code ./mvnw -pl system-tests verify -Dtest=PatientApiBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Client and server share the machine's 2 cores; the consuming services are stopped for the run unless
 * {@code -Dbenchmark.with-consumers=true}.
 */
class PatientApiBenchmark {

    private final LoadGenerator load = new LoadGenerator();

    @Test
    void measure() throws Exception {
        LocalStack stack = StackFixture.start();
        try {
            if (!Boolean.getBoolean("benchmark.with-consumers")) {
                // patient-service alone with its database and broker: the consumers would share the same 2 cores
                for (String service : List.of("response-service", "pk-service", "survival-service")) {
                    ProcessHandle.of(stack.serviceProcessId(service)).ifPresent(ProcessHandle::destroy);
                }
            }
            String base = stack.serviceUrl("patient-service");
            String token = stack.token("investigator");
            given().auth().oauth2(stack.token("admin")).contentType(ContentType.JSON)
                    .body(Map.of("code", "FR-LOAD", "name", "Load", "country", "FR"))
                    .post(base + "/api/v1/sites").then().statusCode(201);
            String patient = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("siteCode", "FR-LOAD", "upn", "LOAD-0", "sex", "MALE", "birthDate", "2016-01-01",
                            "diagnosis", "RELAPSED_AML"))
                    .post(base + "/api/v1/patients").then().statusCode(201).extract().path("id");

            AtomicInteger upn = new AtomicInteger();
            Map<String, IntFunction<HttpRequest>> endpoints = new java.util.LinkedHashMap<>();
            endpoints.put("GET /api/v1/whoami (trivial)", i -> LoadGenerator.get(base + "/api/v1/whoami", token));
            endpoints.put("GET /api/v1/patients/{id}", i -> LoadGenerator.get(base + "/api/v1/patients/" + patient, token));
            endpoints.put("POST /api/v1/patients", i -> LoadGenerator.post(base + "/api/v1/patients", token,
                    "{\"siteCode\":\"FR-LOAD\",\"upn\":\"B-" + upn.incrementAndGet()
                            + "\",\"sex\":\"FEMALE\",\"birthDate\":\"2016-01-01\",\"diagnosis\":\"REFRACTORY_AML\"}"));

            var watched = new LoadGenerator.Watched(stack.serviceProcessId("patient-service"),
                    LoadGenerator.postmasterPid(stack.database()));
            for (var endpoint : endpoints.entrySet()) {
                load.measure(endpoint.getKey(), watched, endpoint.getValue());
            }
            // after the load, one by one, while the database logs every statement
            load.countStatements("POST /api/v1/patients", stack.database(), LocalStack.databaseOf("patient-service"), 200,
                    endpoints.get("POST /api/v1/patients"));
        } finally {
            StackFixture.stop(stack);
        }
    }
}
