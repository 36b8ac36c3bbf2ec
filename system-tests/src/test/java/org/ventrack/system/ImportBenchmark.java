package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import io.restassured.http.ContentType;

/**
 * Not a test (surefire does not pick up *Benchmark): one import job of 100,000 patients, each with one venetoclax
 * course (200,000 records, 200,000 events), as NDJSON through {@code POST /api/v1/imports} into the packaged stack.
 * Prints the time from the upload to the job's SUCCEEDED, and to each consumer (response-, pk-, survival-service)
 * having applied every one of the 200,000 events (its inbox). Run with
 * {@code ./mvnw -pl system-tests verify -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dventrack.import-benchmark.patients=...} for another size), or as the {@code import} section of
 * {@code system-tests/bench/run-all.sh}, which puts the figures in its report.
 */
class ImportBenchmark {

    private static final int PATIENTS = BenchmarkResults.intProperty("ventrack.import-benchmark.patients", 100_000, 10_000);
    private static final List<String> CONSUMERS = List.of("response-service", "pk-service", "survival-service");

    @Test
    void measure() throws Exception {
        LocalStack stack = StackFixture.start();
        try {
            String patients = stack.serviceUrl("patient-service");
            given().auth().oauth2(stack.token("admin")).contentType(ContentType.JSON)
                    .body(Map.of("code", "FR-IMPB", "name", "Import bench", "country", "FR"))
                    .post(patients + "/api/v1/sites").then().statusCode(201);
            String token = stack.token("site-user", "FR-IMPB");
            StringBuilder file = new StringBuilder(PATIENTS * 420);
            for (int i = 0; i < PATIENTS; i++) {
                file.append("{\"patient\":{\"siteCode\":\"FR-IMPB\",\"upn\":\"B-").append(i)
                        .append("\",\"sex\":\"").append(i % 2 == 0 ? "MALE" : "FEMALE")
                        .append("\",\"birthDate\":\"2014-03-01\",\"diagnosis\":\"RELAPSED_AML\",\"diagnosisDate\":\"2022-06-01\"},")
                        .append("\"treatmentCourses\":[{\"startDate\":\"2023-01-02\",\"regimen\":\"VEN_HMA\",")
                        .append("\"partnerAgents\":[\"azacitidine\"],\"cycleLengthDays\":28,\"activeDays\":21,")
                        .append("\"doseBasis\":\"WEIGHT\",\"dailyDoseMg\":200,\"rampUp\":true}]}\n");
            }
            byte[] body = file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            System.out.printf("upload: %d patients, %.1f MB of NDJSON%n", PATIENTS, body.length / 1e6);
            long baseline = CONSUMERS.stream().mapToLong(s -> patientEvents(stack, s)).max().orElse(0);

            long start = System.nanoTime();
            String location = given().auth().oauth2(token).contentType("application/x-ndjson").body(body)
                    .post(patients + "/api/v1/imports").then().statusCode(202).extract().header("Location");
            long accepted = System.nanoTime();
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                String state = given().auth().oauth2(token).get(location).path("state");
                return state.equals("SUCCEEDED") || state.equals("FAILED");
            });
            long succeeded = System.nanoTime();
            Map<String, Object> job = given().auth().oauth2(token).get(location).then().extract().path("$");
            System.out.printf("upload answered 202 after %d ms; job %s after %d ms: %s rows applied, %s rejected%n",
                    ms(accepted - start), job.get("state"), ms(succeeded - start), job.get("rowsApplied"), job.get("rowsRejected"));
            long expected = baseline + 2L * PATIENTS;
            Map<String, Object> caughtUp = new java.util.LinkedHashMap<>();
            for (String service : CONSUMERS) {
                await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                        .until(() -> patientEvents(stack, service) >= expected);
                long after = ms(System.nanoTime() - start);
                caughtUp.put(service, after);
                System.out.printf("%-17s applied all %d events %d ms after the upload%n", service, 2L * PATIENTS, after);
            }
            Map<String, Object> fields = new java.util.LinkedHashMap<>();
            fields.put("patients", PATIENTS);
            fields.put("records", 2L * PATIENTS);
            fields.put("uploadMB", body.length / 1e6);
            fields.put("acceptedMs", ms(accepted - start));
            fields.put("state", job.get("state"));
            fields.put("rowsApplied", job.get("rowsApplied"));
            fields.put("rowsRejected", job.get("rowsRejected"));
            fields.put("jobDoneMs", ms(succeeded - start));
            fields.put("consumersCaughtUpMs", caughtUp);
            BenchmarkResults.write("import", fields);
        } finally {
            StackFixture.stop(stack);
        }
    }

    private static long patientEvents(LocalStack stack, String service) {
        String url = stack.database().jdbcUrl(LocalStack.databaseOf(service));
        try (Connection c = DriverManager.getConnection(url, stack.database().user(), stack.database().password());
                var q = c.createStatement().executeQuery("SELECT count(*) FROM inbox_event WHERE topic = 'ventrack.patient.v1'")) {
            q.next();
            return q.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
