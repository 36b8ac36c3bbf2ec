package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import io.restassured.http.ContentType;

/**
 * Not a test (surefire does not pick up *Benchmark): GET /api/v1/pk/patients/{id}/individual-estimate for a child with
 * 10 samples (one steady-state interval, 1 to 24 h after the dose), end to end against the packaged pk-service, a real
 * database and broker: read of the patient, measurements, co-medications and samples, the MAP fit (Nelder-Mead and a
 * numerical Hessian), the predicted profile and the dose for a target trough. The other services are stopped for the
 * measurement. Run with
 * {@code ./mvnw -pl system-tests verify -Dtest=IndividualEstimateBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class IndividualEstimateBenchmark {

    private static final LocalDate START = LocalDate.of(2024, 1, 15);
    private static final int[] HOURS = { 1, 2, 4, 6, 8, 10, 12, 16, 20, 24 };
    private static final int[] CONCENTRATIONS = { 1450, 1600, 1900, 2050, 2100, 2050, 1950, 1800, 1650, 1500 };

    @Test
    void measure() throws Exception {
        LocalStack stack = StackFixture.start();
        try {
            String patients = stack.serviceUrl("patient-service");
            String pk = stack.serviceUrl("pk-service");
            String token = stack.token("investigator");
            given().auth().oauth2(stack.token("admin")).contentType(ContentType.JSON)
                    .body(Map.of("code", "FR-EST", "name", "Estimate", "country", "FR"))
                    .post(patients + "/api/v1/sites").then().statusCode(201);
            String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("siteCode", "FR-EST", "upn", "EST-1", "sex", "MALE", "birthDate", "2017-06-01",
                            "diagnosis", "RELAPSED_AML"))
                    .post(patients + "/api/v1/patients").then().statusCode(201).extract().path("id");
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("startDate", START.toString(), "regimen", "VEN_HMA", "cycleLengthDays", 28,
                            "activeDays", 21, "doseBasis", "WEIGHT", "dailyDoseMg", 250, "rampUp", true))
                    .post(patients + "/api/v1/patients/" + id + "/treatment-courses").then().statusCode(201);
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("measuredOn", START.minusDays(1).toString(), "weightKg", 20, "heightCm", 115))
                    .post(patients + "/api/v1/patients/" + id + "/measurements").then().statusCode(201);
            await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(token)
                    .get(pk + "/api/v1/patients/" + id + "/facts").then().extract().statusCode() == 200
                    && given().auth().oauth2(token).get(pk + "/api/v1/patients/" + id + "/facts").then().extract()
                            .<Integer>path("eventsApplied") == 3);
            for (int i = 0; i < HOURS.length; i++) {
                given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("patientId", id, "sampledAt", START.plusDays(12).atTime(8, 0).plusHours(HOURS[i]).toString(),
                                "lastDoseAt", START.plusDays(12).atTime(8, 0).toString(), "dailyDoseMg", 250,
                                "concentrationNgPerMl", CONCENTRATIONS[i], "kind", HOURS[i] >= 20 ? "TROUGH" : "OTHER"))
                        .post(pk + "/api/v1/pk/samples").then().statusCode(201);
            }
            given().auth().oauth2(token).queryParam("targetTrough", 1000)
                    .get(pk + "/api/v1/pk/patients/" + id + "/individual-estimate").then().statusCode(200)
                    .extract().jsonPath().getMap("clearance")
                    .forEach((key, value) -> System.out.println("CL/F " + key + ": " + value));
            for (String service : new String[] { "patient-service", "response-service", "survival-service" }) {
                ProcessHandle.of(stack.serviceProcessId(service)).ifPresent(ProcessHandle::destroy);
            }

            String url = pk + "/api/v1/pk/patients/" + id + "/individual-estimate?targetTrough=1000";
            new LoadGenerator().measure("GET individual-estimate (10)", i -> LoadGenerator.get(url, token));
        } finally {
            StackFixture.stop(stack);
        }
    }
}
