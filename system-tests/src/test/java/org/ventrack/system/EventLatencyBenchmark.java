package org.ventrack.system;

import static io.restassured.RestAssured.given;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import io.restassured.http.ContentType;

/**
 * Not a test (surefire does not pick up *Benchmark): event latency across services at fixed arrival rates
 * (default 100 and 1,000 events/s, {@code -Dbenchmark.event-rates=100,1000}). POST /api/v1/patients is sent to
 * patient-service at a constant rate for {@code benchmark.event-seconds} (30 s, quick 5 s); each registration publishes
 * one {@code ventrack.patient.v1} event through the outbox. For each consumer (response-, pk-, survival-service) the
 * latency of every event is read from its inbox table: {@code applied_at} (the inbox row's insert, in the consumer's
 * apply transaction, just before the read-model update and commit) minus the client's 2xx, and minus the event time
 * (the producer's outbox write). The whole stack runs, on the same cores as the client.
 * Run with {@code ./mvnw -pl system-tests -am verify -Dtest=EventLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EventLatencyBenchmark {

    static final List<String> CONSUMERS = List.of("response-service", "pk-service", "survival-service");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(32)).build();

    @Test
    void measure() throws Exception {
        int seconds = BenchmarkResults.intProperty("benchmark.event-seconds", 30, 5);
        List<Integer> rates = java.util.Arrays.stream(System.getProperty("benchmark.event-rates", "100,1000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        LocalStack stack = StackFixture.start();
        try {
            String base = stack.serviceUrl("patient-service");
            String token = stack.token("investigator");
            given().auth().oauth2(stack.token("admin")).contentType(ContentType.JSON)
                    .body(Map.of("code", "FR-EVT", "name", "Events", "country", "FR"))
                    .post(base + "/api/v1/sites").then().statusCode(201);
            // warm-up (JIT, pools, consumer assignment), not measured: a freshly started JVM needs tens of seconds of load
            // before its write path runs compiled; 3 s left the 1,000/s phase meeting interpreted code
            int warmUp = BenchmarkResults.intProperty("benchmark.event-warmup-seconds", 20, 3);
            run(stack, base, token, "WARM", 200, warmUp, false);
            for (int rate : rates) {
                run(stack, base, token, "R" + rate, rate, seconds, true);
            }
        } finally {
            StackFixture.stop(stack);
        }
    }

    private void run(LocalStack stack, String base, String token, String prefix, int rate, int seconds, boolean report)
            throws Exception {
        // the events of this phase are written after this instant (same clock: client, services and database share the
        // machine), those of the phase before it were all applied before it
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Instant> answeredAt = new ConcurrentHashMap<>();
        List<Double> responseMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        Map<String, Integer> errorKinds = new java.util.concurrent.ConcurrentSkipListMap<>();
        int count = rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        // as LoadGenerator does: a bounded number in flight, the rest waiting at the client and still timed from their
        // scheduled time; unbounded, the JDK client opens a connection per waiting request and spends the machine on them
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(LoadGenerator.MAX_IN_FLIGHT_PER_SENDER);
        List<CompletableFuture<?>> all = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            String body = "{\"siteCode\":\"FR-EVT\",\"upn\":\"" + prefix + "-" + i
                    + "\",\"sex\":\"FEMALE\",\"birthDate\":\"2017-06-01\",\"diagnosis\":\"RELAPSED_AML\"}";
            scheduler.schedule(() -> {
                inFlight.acquireUninterruptibly();
                all.add(http.sendAsync(LoadGenerator.post(base + "/api/v1/patients", token, body),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                        inFlight.release();
                        Instant now = Instant.now();
                        Matcher id = failure == null ? ID.matcher(response.body()) : null;
                        if (failure != null || response.statusCode() >= 300 || !id.find()) {
                            errors.incrementAndGet();
                            errorKinds.merge(failure != null ? rootCause(failure).getClass().getSimpleName()
                                    : Integer.toString(response.statusCode()), 1, Integer::sum);
                        } else {
                            answeredAt.put(id.group(1), now);
                            responseMillis.add((System.nanoTime() - due) / 1e6);
                        }
                    }));
            }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        scheduler.shutdown();
        scheduler.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).handle((v, e) -> null).get(120, TimeUnit.SECONDS);
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        Instant lastAnswer = answeredAt.values().stream().max(Instant::compareTo).orElse(Instant.now());

        Map<String, Object> consumers = new LinkedHashMap<>();
        boolean caughtUp = true;
        for (String consumer : CONSUMERS) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            long applied;
            while ((applied = BenchmarkResults.count(stack, consumer,
                    "SELECT count(*) FROM inbox_event WHERE topic = 'ventrack.patient.v1' AND event_time >= ?", from))
                    < answeredAt.size() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            List<Double> fromAnswer = new ArrayList<>();
            List<Double> fromOutbox = new ArrayList<>();
            Instant lastApplied = Instant.EPOCH;
            try (Connection c = BenchmarkResults.connect(stack, consumer); var q = c.prepareStatement("""
                    SELECT subject, event_time, applied_at FROM inbox_event
                    WHERE topic = 'ventrack.patient.v1' AND event_time >= ?""")) {
                q.setObject(1, from);
                var rows = q.executeQuery();
                while (rows.next()) {
                    Instant answered = answeredAt.get(rows.getString(1));
                    if (answered == null) {
                        continue;
                    }
                    Instant eventTime = rows.getObject(2, OffsetDateTime.class).toInstant();
                    Instant appliedAt = rows.getObject(3, OffsetDateTime.class).toInstant();
                    // negative when the consumer applied the event before the client had read its 2xx
                    fromAnswer.add(java.time.Duration.between(answered, appliedAt).toNanos() / 1e6);
                    fromOutbox.add(java.time.Duration.between(eventTime, appliedAt).toNanos() / 1e6);
                    lastApplied = appliedAt.isAfter(lastApplied) ? appliedAt : lastApplied;
                }
            }
            double lagAfterLastAnswer = java.time.Duration.between(lastAnswer, lastApplied).toNanos() / 1e6;
            caughtUp &= applied >= answeredAt.size() && lagAfterLastAnswer <= 5_000;
            consumers.put(consumer, Map.of("applied", fromAnswer.size(),
                    "p50MsFrom2xx", BenchmarkResults.percentile(fromAnswer, 0.50),
                    "p99MsFrom2xx", BenchmarkResults.percentile(fromAnswer, 0.99),
                    "maxMsFrom2xx", BenchmarkResults.percentile(fromAnswer, 1.0),
                    "p50MsFromOutboxWrite", BenchmarkResults.percentile(fromOutbox, 0.50),
                    "p99MsFromOutboxWrite", BenchmarkResults.percentile(fromOutbox, 0.99),
                    "lastAppliedMsAfterLast2xx", lagAfterLastAnswer));
        }
        double answeredPerSecond = answeredAt.size() / sendSeconds;
        boolean sustained = errors.get() == 0 && answeredPerSecond >= 0.95 * rate && caughtUp;
        System.out.printf("events at %d/s for %d s: %d answered 2xx (%.0f/s), %d errors %s, POST p99 %.1f ms, sustained %s%n",
                rate, seconds, answeredAt.size(), answeredPerSecond, errors.get(), errorKinds,
                BenchmarkResults.percentile(responseMillis, 0.99), sustained);
        if (report) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("ratePerSecond", rate);
            fields.put("seconds", seconds);
            fields.put("sent", count);
            fields.put("answered2xx", answeredAt.size());
            fields.put("errors", errors.get());
            fields.put("errorKinds", errorKinds);
            fields.put("answeredPerSecond", answeredPerSecond);
            fields.put("postP50Ms", BenchmarkResults.percentile(responseMillis, 0.50));
            fields.put("postP99Ms", BenchmarkResults.percentile(responseMillis, 0.99));
            fields.put("sustained", sustained);
            fields.put("consumers", consumers);
            BenchmarkResults.write("events", fields);
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }
}
