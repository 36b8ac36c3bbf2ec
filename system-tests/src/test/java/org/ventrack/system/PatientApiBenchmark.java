package org.ventrack.system;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import io.restassured.http.ContentType;

/**
 * Not a test (surefire does not pick up *Benchmark): patient-service's GET patient and POST patient next to its
 * trivial authenticated endpoint (GET /api/v1/whoami), in one run against the packaged service and a real database.
 * For each: the maximum throughput of a closed loop of concurrent clients, then the latency at a fixed arrival rate
 * of half that maximum (measured from each request's scheduled time, so a stall is not hidden). Run with
 * {@code ./mvnw -pl system-tests verify -Dtest=PatientApiBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Client and server share the machine's 2 cores; the consuming services are stopped for the run unless
 * {@code -Dbenchmark.with-consumers=true}.
 */
class PatientApiBenchmark {

    private static final int CLIENTS = 16;
    private static final Duration WARM_UP = Duration.ofSeconds(8);
    private static final Duration MEASURE = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS * 2)).build();

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
            endpoints.put("GET /api/v1/whoami (trivial)", i -> get(base + "/api/v1/whoami", token));
            endpoints.put("GET /api/v1/patients/{id}", i -> get(base + "/api/v1/patients/" + patient, token));
            endpoints.put("POST /api/v1/patients", i -> HttpRequest.newBuilder(URI.create(base + "/api/v1/patients"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"siteCode\":\"FR-LOAD\",\"upn\":\"B-" + upn.incrementAndGet()
                            + "\",\"sex\":\"FEMALE\",\"birthDate\":\"2016-01-01\",\"diagnosis\":\"REFRACTORY_AML\"}"))
                    .build());

            for (var endpoint : endpoints.entrySet()) {
                closedLoop(endpoint.getValue(), WARM_UP);
                double max = closedLoop(endpoint.getValue(), MEASURE);
                Latencies half = openLoop(endpoint.getValue(), max / 2, MEASURE);
                System.out.printf("%-32s max %7.0f req/s | at %6.0f req/s: p50 %6.1f ms, p99 %6.1f ms, errors %d%n",
                        endpoint.getKey(), max, max / 2, half.percentile(0.50), half.percentile(0.99), half.errors());
            }
        } finally {
            StackFixture.stop(stack);
        }
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }

    /** Requests per second of {@link #CLIENTS} clients each sending its next request when the last one answered. */
    private double closedLoop(IntFunction<HttpRequest> request, Duration duration) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                int i = 0;
                while (System.nanoTime() < end) {
                    HttpResponse<Void> response = http.send(request.apply(i++), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() < 400) {
                        done.incrementAndGet();
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(duration.toSeconds() + 30, TimeUnit.SECONDS);
        return done.get() / (double) duration.toSeconds();
    }

    /** Latencies at a fixed arrival rate, each from its scheduled send time. */
    private Latencies openLoop(IntFunction<HttpRequest> request, double perSecond, Duration duration) throws Exception {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long intervalNanos = (long) (1_000_000_000L / perSecond);
        long count = duration.toNanos() / intervalNanos;
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<?>> all = Collections.synchronizedList(new ArrayList<>());
        for (long i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            int n = (int) i;
            scheduler.schedule(() -> all.add(http.sendAsync(request.apply(n), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        if (failure != null || response.statusCode() >= 400) {
                            errors.incrementAndGet();
                        } else {
                            millis.add((System.nanoTime() - due) / 1e6);
                        }
                    })), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        scheduler.shutdown();
        scheduler.awaitTermination(duration.toSeconds() + 30, TimeUnit.SECONDS);
        java.util.concurrent.CompletableFuture.allOf(all.toArray(new java.util.concurrent.CompletableFuture[0]))
                .handle((v, e) -> null).get(60, TimeUnit.SECONDS);
        return new Latencies(new ArrayList<>(millis), errors.get());
    }

    private record Latencies(List<Double> millis, int errors) {
        double percentile(double p) {
            List<Double> sorted = millis.stream().sorted().toList();
            return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }
    }
}
