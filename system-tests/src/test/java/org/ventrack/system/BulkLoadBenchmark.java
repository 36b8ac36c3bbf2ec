package org.ventrack.system;

import static io.restassured.RestAssured.given;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import io.restassured.http.ContentType;

/**
 * Not a test (surefire does not pick up *Benchmark): a bulk load through REST. {@code benchmark.bulk.patients}
 * patients (100,000; quick 5,000), each registered with POST /api/v1/patients and given a treatment course with POST
 * /api/v1/patients/{id}/treatment-courses, by {@code benchmark.bulk.clients} (16) concurrent clients. Reports the time
 * until every request was answered, and for every consumer the time until it had applied every event of every topic
 * it consumes (its inbox holds as many events of the topic as the producer's outbox, and every outbox is published),
 * polled every second. The whole stack runs, on the same cores as the clients.
 * Run with {@code ./mvnw -pl system-tests -am verify -Dtest=BulkLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BulkLoadBenchmark {

    /** The topics each service consumes (its {@code ventrack.*.enabled} settings), and who produces them. */
    static final Map<String, List<String>> CONSUMES = Map.of(
            "patient-service", List.of("ventrack.response.v1"),
            "response-service", List.of("ventrack.patient.v1"),
            "pk-service", List.of("ventrack.patient.v1"),
            "survival-service", List.of("ventrack.patient.v1", "ventrack.response.v1", "ventrack.pk.v1"));
    static final Map<String, String> PRODUCER = Map.of("ventrack.patient.v1", "patient-service",
            "ventrack.response.v1", "response-service", "ventrack.pk.v1", "pk-service");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final String COURSE = "{\"startDate\":\"2023-01-02\",\"regimen\":\"VEN_HMA\",\"cycleLengthDays\":28,"
            + "\"activeDays\":21,\"doseBasis\":\"WEIGHT\",\"dailyDoseMg\":250,\"rampUp\":true}";

    @Test
    void measure() throws Exception {
        int patients = BenchmarkResults.intProperty("benchmark.bulk.patients", 100_000, 5_000);
        int clients = BenchmarkResults.intProperty("benchmark.bulk.clients", 16, 16);
        LocalStack stack = StackFixture.start();
        try {
            String base = stack.serviceUrl("patient-service");
            String token = stack.token("investigator");
            given().auth().oauth2(stack.token("admin")).contentType(ContentType.JSON)
                    .body(Map.of("code", "FR-BULK", "name", "Bulk", "country", "FR"))
                    .post(base + "/api/v1/sites").then().statusCode(201);
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).build();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < patients; i = next.getAndIncrement()) {
                        HttpResponse<String> registered = http.send(LoadGenerator.post(base + "/api/v1/patients", token,
                                "{\"siteCode\":\"FR-BULK\",\"upn\":\"BULK-" + i + "\",\"sex\":\"" + (i % 2 == 0 ? "MALE" : "FEMALE")
                                        + "\",\"birthDate\":\"2016-01-01\",\"diagnosis\":\"RELAPSED_AML\"}"),
                                HttpResponse.BodyHandlers.ofString());
                        Matcher id = ID.matcher(registered.body());
                        if (registered.statusCode() != 201 || !id.find()) {
                            errors.incrementAndGet();
                            continue;
                        }
                        HttpResponse<Void> course = http.send(LoadGenerator.post(base + "/api/v1/patients/" + id.group(1)
                                + "/treatment-courses", token, COURSE), HttpResponse.BodyHandlers.discarding());
                        if (course.statusCode() != 201) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            long lastProgress = System.nanoTime();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(30)) {
                    lastProgress = System.nanoTime();
                    System.out.printf("bulk: %d of %d patients sent after %.0f s; consumers: %s%n", Math.min(next.get(), patients),
                            patients, seconds(start), applied(stack));
                }
            }
            double allAnswered = seconds(start);
            System.out.printf("bulk: %d patients and courses answered in %.1f s (%d errors)%n", patients, allAnswered, errors.get());

            Map<String, Double> caughtUpAt = new LinkedHashMap<>();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(BenchmarkResults.intProperty("benchmark.bulk.max-wait-minutes", 60, 15));
            lastProgress = System.nanoTime();
            while (caughtUpAt.size() < CONSUMES.size() && System.nanoTime() < deadline) {
                Map<String, Long> published = new LinkedHashMap<>();
                boolean allPublished = true;
                for (var topic : PRODUCER.entrySet()) {
                    published.put(topic.getKey(), BenchmarkResults.count(stack, topic.getValue(),
                            "SELECT count(*) FROM outbox_event WHERE topic = ?", topic.getKey()));
                    allPublished &= BenchmarkResults.count(stack, topic.getValue(),
                            "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0;
                }
                for (var consumer : CONSUMES.entrySet()) {
                    if (caughtUpAt.containsKey(consumer.getKey())) {
                        continue;
                    }
                    boolean caughtUp = allPublished;
                    for (String topic : consumer.getValue()) {
                        caughtUp &= BenchmarkResults.count(stack, consumer.getKey(),
                                "SELECT count(*) FROM inbox_event WHERE topic = ?", topic) >= published.get(topic);
                    }
                    if (caughtUp) {
                        caughtUpAt.put(consumer.getKey(), seconds(start));
                    }
                }
                if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(30)) {
                    lastProgress = System.nanoTime();
                    System.out.printf("bulk: %.0f s, outboxes %s, consumers %s%n", seconds(start), published, applied(stack));
                }
                Thread.sleep(1_000);
            }
            Map<String, Object> consumers = new LinkedHashMap<>();
            for (String consumer : CONSUMES.keySet()) {
                Double at = caughtUpAt.get(consumer);
                long events = 0;
                for (String topic : CONSUMES.get(consumer)) {
                    events += BenchmarkResults.count(stack, consumer, "SELECT count(*) FROM inbox_event WHERE topic = ?", topic);
                }
                consumers.put(consumer, Map.of("topics", CONSUMES.get(consumer), "eventsApplied", events,
                        "caughtUpSeconds", at == null ? Double.NaN : at,
                        "eventsPerSecond", at == null ? Double.NaN : events / at));
                System.out.printf("bulk: %-17s applied %d events, caught up after %s s%n", consumer, events, at);
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("patients", patients);
            fields.put("clients", clients);
            fields.put("requests", 2L * patients);
            fields.put("errors", errors.get());
            fields.put("allAnsweredSeconds", allAnswered);
            fields.put("requestsPerSecond", 2.0 * patients / allAnswered);
            fields.put("allCaughtUpSeconds", caughtUpAt.size() == CONSUMES.size()
                    ? caughtUpAt.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow() : Double.NaN);
            fields.put("consumers", consumers);
            BenchmarkResults.write("bulk", fields);
        } finally {
            StackFixture.stop(stack);
        }
    }

    private static Map<String, Long> applied(LocalStack stack) throws Exception {
        Map<String, Long> applied = new LinkedHashMap<>();
        for (String consumer : CONSUMES.keySet()) {
            applied.put(consumer, BenchmarkResults.count(stack, consumer, "SELECT count(*) FROM inbox_event"));
        }
        return applied;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
