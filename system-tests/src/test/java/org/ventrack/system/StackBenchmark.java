package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import io.restassured.http.ContentType;

/**
 * Not a test (surefire does not pick up *Benchmark): measures the stack's start-up, each service's RSS and the
 * event latency from patient-service's outbox write to each consumer's inbox commit over 1,000 events. Run with
 * {@code ./mvnw -pl system-tests verify -Dtest=StackBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StackBenchmark {

    private static final int EVENTS = 1_000;
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

            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                String upn = "BEN-" + i;
                writes.add(clients.submit(() -> given().auth().oauth2(investigator).contentType(ContentType.JSON)
                        .body(Map.of("siteCode", "FR-BEN", "upn", upn, "sex", "FEMALE", "birthDate", "2017-06-01",
                                "diagnosis", "RELAPSED_AML"))
                        .post(stack.serviceUrl("patient-service") + "/api/v1/patients").statusCode()));
            }
            for (Future<Integer> write : writes) {
                if (write.get() != 201) {
                    throw new AssertionError("registration failed: " + write.get());
                }
            }
            clients.shutdown();

            for (String service : CONSUMERS) {
                String url = stack.database().jdbcUrl(LocalStack.databaseOf(service));
                await().atMost(Duration.ofMinutes(3)).until(() -> count(url, stack) >= EVENTS);
                try (Connection c = DriverManager.getConnection(url, stack.database().user(), stack.database().password());
                        var q = c.createStatement().executeQuery("""
                                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - event_time)),
                                       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - event_time)),
                                       max(extract(epoch FROM applied_at - event_time)), count(*)
                                FROM inbox_event WHERE type = 'ventrack.patient.registered.v1'""")) {
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
