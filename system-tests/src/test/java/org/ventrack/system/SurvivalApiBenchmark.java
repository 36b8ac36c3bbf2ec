package org.ventrack.system;

import static io.restassured.RestAssured.given;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

/**
 * Not a test (surefire does not pick up *Benchmark): survival-service's GET kaplan-meier (the study's cohort from the
 * read model: OS ungrouped, and EFS by regimen with the log-rank test) beside its trivial authenticated endpoint
 * (GET /api/v1/whoami), measured by {@link LoadGenerator} like the other REST benchmarks. The stack is loaded with the
 * paper's cohort ({@code demo/cousson-2025}, as {@code ./ventrack --demo} does); the other services are stopped for
 * the measurement. Run with
 * {@code ./mvnw -pl system-tests -am verify -Dtest=SurvivalApiBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SurvivalApiBenchmark {

    @Test
    void measure() throws Exception {
        LocalStack stack = StackFixture.start(true);
        try {
            String base = stack.serviceUrl("survival-service");
            String token = stack.token("statistician");
            int patients = given().auth().oauth2(token).get(base + "/api/v1/survival/kaplan-meier?endpoint=OS")
                    .then().statusCode(200).extract().path("groups[0].n");
            System.out.println("survival-service cohort: " + patients + " patients");
            for (String service : List.of("patient-service", "response-service", "pk-service")) {
                ProcessHandle.of(stack.serviceProcessId(service)).ifPresent(ProcessHandle::destroy);
            }
            LoadGenerator load = new LoadGenerator();
            load.measure("GET /api/v1/whoami (survival, trivial)", i -> LoadGenerator.get(base + "/api/v1/whoami", token));
            load.measure("GET /api/v1/survival/kaplan-meier?endpoint=OS (" + patients + " patients)",
                    i -> LoadGenerator.get(base + "/api/v1/survival/kaplan-meier?endpoint=OS", token));
            load.measure("GET /api/v1/survival/kaplan-meier?endpoint=EFS&groupBy=regimen (log-rank)",
                    i -> LoadGenerator.get(base + "/api/v1/survival/kaplan-meier?endpoint=EFS&groupBy=regimen", token));
        } finally {
            StackFixture.stop(stack);
        }
    }
}
