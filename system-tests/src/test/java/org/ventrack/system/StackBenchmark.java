package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import io.restassured.http.ContentType;

/**
 * Not a test (surefire does not pick up *Benchmark): measures the stack's start-up, each service's RSS and the
 * event latency from patient-service's outbox write to each consumer's inbox commit over 1,000 events sent at a
 * steady 50/s after a warm-up of 300. Run with
 * {@code ./mvnw -pl system-tests verify -Dtest=StackBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StackBenchmark {

    private static final int EVENTS = 1_000;
    private static final int WARM_UP = 300;
    private static final int RATE_PER_SECOND = 50;
    private static final List<String> CONSUMERS = List.of("response-service", "pk-service", "survival-service");

    @Test
    void measure() throws Exception {
        long started = System.nanoTime();
        LocalStack stack = StackFixture.start();
        try {
            System.out.printf("stack start (DB, Kafka, 4 services ready): %d ms%n", (System.nanoTime() - started) / 1_000_000);
            stack.timings().forEach((component, ms) -> System.out.printf("  %-18s %6d ms%n", component, ms));
            for (String service : LocalStack.SERVICES) {
                System.out.printf("  %-18s RSS after start %4d MB%n", service, rssMb(stack.serviceProcessId(service)));
            }

            String investigator = stack.token("investigator");
            given().auth().oauth2(stack.token("admin")).contentType(ContentType.JSON)
                    .body(Map.of("code", "FR-BEN", "name", "Bench", "country", "FR"))
                    .post(stack.serviceUrl("patient-service") + "/api/v1/sites").then().statusCode(201);

            // warm-up (JIT, connection pools, consumer assignment), not measured
            register(stack, investigator, "WARM-", WARM_UP, 0);
            for (String service : CONSUMERS) {
                String url = stack.database().jdbcUrl(LocalStack.databaseOf(service));
                await().atMost(Duration.ofMinutes(3)).until(() -> count(url, stack) >= WARM_UP);
            }
            OffsetDateTime measuredFrom = OffsetDateTime.now();
            long writing = System.nanoTime();
            register(stack, investigator, "BEN-", EVENTS, RATE_PER_SECOND);
            System.out.printf("%d registrations at a paced %d/s took %d ms%n", EVENTS, RATE_PER_SECOND,
                    (System.nanoTime() - writing) / 1_000_000);
            String patientDb = stack.database().jdbcUrl(LocalStack.databaseOf("patient-service"));
            try (Connection c = DriverManager.getConnection(patientDb, stack.database().user(), stack.database().password());
                    var q = c.prepareStatement("""
                            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at)),
                                   percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at))
                            FROM outbox_event WHERE created_at >= ?""")) {
                q.setObject(1, measuredFrom);
                var r = q.executeQuery();
                r.next();
                System.out.printf("outbox write -> broker ack (patient-service relay): p50 %.1f ms, p99 %.1f ms%n",
                        r.getDouble(1) * 1000, r.getDouble(2) * 1000);
            }

            for (String service : CONSUMERS) {
                String url = stack.database().jdbcUrl(LocalStack.databaseOf(service));
                await().atMost(Duration.ofMinutes(3)).until(() -> count(url, stack) >= WARM_UP + EVENTS);
                try (Connection c = DriverManager.getConnection(url, stack.database().user(), stack.database().password());
                        var statement = c.prepareStatement("""
                                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - event_time)),
                                       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - event_time)),
                                       max(extract(epoch FROM applied_at - event_time)), count(*)
                                FROM inbox_event WHERE event_time >= ?""")) {
                    statement.setObject(1, measuredFrom);
                    var q = statement.executeQuery();
                    q.next();
                    System.out.printf("event latency outbox write -> %s commit over %d events: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                            service, q.getLong(4), q.getDouble(1) * 1000, q.getDouble(2) * 1000, q.getDouble(3) * 1000);
                }
                System.out.printf("  %-18s RSS after load %4d MB%n", service, rssMb(stack.serviceProcessId(service)));
            }
            System.out.printf("  %-18s RSS after load %4d MB%n", "patient-service", rssMb(stack.serviceProcessId("patient-service")));
        } finally {
            StackFixture.stop(stack);
        }
    }

    /** Registers {@code count} patients, paced to {@code perSecond} (0: as fast as one client can). */
    private static void register(LocalStack stack, String token, String prefix, int count, int perSecond) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (perSecond > 0) {
                long due = start + i * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            int status = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("siteCode", "FR-BEN", "upn", prefix + i, "sex", "FEMALE", "birthDate", "2017-06-01",
                            "diagnosis", "RELAPSED_AML"))
                    .post(stack.serviceUrl("patient-service") + "/api/v1/patients").statusCode();
            if (status != 201) {
                throw new AssertionError("registration failed: " + status);
            }
        }
    }

    private static long count(String url, LocalStack stack) throws Exception {
        try (Connection c = DriverManager.getConnection(url, stack.database().user(), stack.database().password());
                var q = c.createStatement().executeQuery("SELECT count(*) FROM inbox_event")) {
            q.next();
            return q.getLong(1);
        }
    }

    private static long rssMb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
