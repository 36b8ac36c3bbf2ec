package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Fault drill: PostgreSQL is stopped for a few seconds while patient-service takes a sustained stream of writes, then
 * started again. The services recover without a restart; each write answered during the outage is a clean 503
 * problem with Retry-After; readiness reports the database down and then up; and nothing is half-written: every 2xx
 * write has its row, its audit entry and its event (published, and applied by every consumer), and no row exists
 * without its audit entry and event.
 *
 * <p>Length: {@code -Dventrack.drill.outage-seconds} (default 5) of outage inside
 * {@code -Dventrack.drill.write-seconds} (default 14) of writes; {@code system-tests/drills/run-all.sh} runs it longer.
 */
class DatabaseOutageDrillTest {

    private static final List<String> CONSUMERS = List.of("response-service", "pk-service", "survival-service");
    private static final String SITE = "FR-DRILLD";
    /** The clinical value posted by this drill, which may not appear in a log line. */
    private static final String BIRTH_DATE = "2010-11-29";
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("ventrack.drill.outage-seconds", 5));
    private static final Duration WRITES = Duration.ofSeconds(Math.max(Long.getLong("ventrack.drill.write-seconds", 14),
            OUTAGE.toSeconds() + 8));

    private static LocalStack stack;
    private static String investigator;

    @BeforeAll
    static void startStack() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = StackFixture.start();
        investigator = stack.token("investigator");
        given().auth().oauth2(stack.token("admin")).contentType(ContentType.JSON)
                .body(Map.of("code", SITE, "name", "Drill site D", "country", "FR"))
                .post(stack.serviceUrl("patient-service") + "/api/v1/sites").then().statusCode(201);
    }

    @AfterAll
    static void stopStack() throws Exception {
        try {
            if (stack != null) {
                ClinicalValueScan.assertNoneIn(stack, List.of(BIRTH_DATE));
            }
        } finally {
            StackFixture.stop(stack);
        }
    }

    @Test
    void aDatabaseOutageUnderLoadGivesClean503sAndLeavesNothingHalfWritten() throws Exception {
        String patients = stack.serviceUrl("patient-service") + "/api/v1/patients";
        Map<String, Long> pids = new HashMap<>();
        LocalStack.SERVICES.forEach(s -> pids.put(s, stack.serviceProcessId(s)));
        List<SustainedWrites.Outcome> outcomes;
        long outageBegin;
        long outageEnd;
        AtomicBoolean sawNotReady = new AtomicBoolean();
        try (SustainedWrites writes = SustainedWrites.start(3, (n, http) -> List.of(SustainedWrites.post(http, "patient", n,
                patients, investigator, registration(upn(n)))))) {
            Thread.sleep(3_000);
            outageBegin = System.currentTimeMillis();
            stack.database().stop();
            try {
                // readiness follows the database: every service reports it down while it is
                await().atMost(OUTAGE.plusSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    for (String service : LocalStack.SERVICES) {
                        Response ready = given().get(stack.serviceUrl(service) + "/q/health/ready");
                        assertEquals(503, ready.statusCode(), service + " readiness while the database is down");
                        assertTrue(ready.asString().contains("\"DOWN\""), ready.asString());
                    }
                    sawNotReady.set(true);
                });
                long left = OUTAGE.toMillis() - (System.currentTimeMillis() - outageBegin);
                if (left > 0) {
                    Thread.sleep(left);
                }
            } finally {
                stack.database().start();
                outageEnd = System.currentTimeMillis();
            }
            for (String service : LocalStack.SERVICES) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given()
                        .get(stack.serviceUrl(service) + "/q/health/ready").then().statusCode(200));
            }
            long recoveredAt = System.currentTimeMillis();
            long left = WRITES.toMillis() - writes.elapsedMillis();
            Thread.sleep(Math.max(left, 3_000));
            outcomes = writes.stop();
            System.out.printf("database down %d ms; all four services ready again %d ms after it was started%n",
                    outageEnd - outageBegin, recoveredAt - outageEnd);
        }
        assertTrue(sawNotReady.get());
        LocalStack.SERVICES.forEach(s -> assertEquals(pids.get(s), stack.serviceProcessId(s), s + " recovered without a restart"));

        List<SustainedWrites.Outcome> unavailable = outcomes.stream().filter(o -> o.status() == 503).toList();
        List<String> unexpected = new ArrayList<>();
        for (SustainedWrites.Outcome o : outcomes) {
            boolean clean503 = o.status() == 503 && "application/problem+json".equals(o.contentType()) && o.retryAfter() != null
                    && o.retryAfter().matches("[1-9][0-9]*") && o.body().contains("/problems/database-unavailable");
            if (o.status() != 201 && !clean503) {
                unexpected.add(o.status() + " " + o.contentType() + " Retry-After " + o.retryAfter() + ": "
                        + o.body().substring(0, Math.min(300, o.body().length())));
            }
        }
        assertEquals(List.of(), unexpected, "every write is a 201 or a clean 503 problem");
        assertTrue(!unavailable.isEmpty(), "the outage was felt by the writers");
        assertTrue(outcomes.stream().anyMatch(o -> o.status() == 201 && o.sentAtMillis() > outageEnd),
                "writes succeed again after the outage, without a restart");

        ServiceDatabase db = new ServiceDatabase(stack, "patient-service");
        Map<String, String> rowIdByUpn = new HashMap<>();
        db.rows("SELECT upn, id::text FROM patient WHERE site_code = ?", SITE).forEach(r -> rowIdByUpn.put(r.get(0).toString(), r.get(1).toString()));
        Map<String, String> createdIdByUpn = new HashMap<>();
        outcomes.stream().filter(o -> o.status() == 201).forEach(o -> createdIdByUpn.put(upn(o.sequence()), SustainedWrites.idOf(o.body())));
        createdIdByUpn.forEach((upn, id) -> assertEquals(id, rowIdByUpn.get(upn), "the write of " + upn + " answered 201 has its row"));
        // A commit can reach the database while its acknowledgement is lost as the database goes away: the client saw a
        // 503 and the row exists. That is the in-doubt window every database client has; the UPN is the natural key, so
        // the client's retry learns the outcome with a 409 and nothing is written twice.
        Set<String> inDoubt = new HashSet<>(rowIdByUpn.keySet());
        inDoubt.removeAll(createdIdByUpn.keySet());
        Set<String> answered503 = new HashSet<>();
        unavailable.forEach(o -> answered503.add(upn(o.sequence())));
        assertTrue(answered503.containsAll(inDoubt), "every row not answered 201 was answered 503 (in doubt): " + inDoubt);
        for (String upn : inDoubt) {
            given().auth().oauth2(investigator).contentType(ContentType.JSON).body(registration(upn))
                    .post(patients).then().statusCode(409).contentType("application/problem+json");
        }
        List<String> written = List.copyOf(rowIdByUpn.values());
        List<UUID> ids = written.stream().map(UUID::fromString).toList();
        assertEquals(List.of(), db.column("""
                SELECT p.id FROM patient p WHERE p.site_code = ? AND (
                    NOT EXISTS (SELECT 1 FROM audit_entry a WHERE a.resource_id = p.id::text AND a.action = 'CREATE')
                    OR NOT EXISTS (SELECT 1 FROM outbox_event o WHERE o.record_key = p.id::text))""", SITE),
                "no patient without its audit entry and its event");
        assertEquals(written.size(), db.count("SELECT count(*) FROM audit_entry WHERE resource_id = ANY(?) AND action = 'CREATE'",
                written), "one audit entry per row");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(written.size(), db.count(
                "SELECT count(*) FROM outbox_event WHERE record_key = ANY(?) AND published_at IS NOT NULL", written),
                "every event published"));
        for (String consumer : CONSUMERS) {
            ServiceDatabase consumerDb = new ServiceDatabase(stack, consumer);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertEquals(
                    written.size(), consumerDb.count("SELECT count(*) FROM patient_facts WHERE patient_id = ANY(?) AND events_applied = 1",
                            ids), consumer + " applied every registration once"));
        }
        System.out.printf("database outage drill: %d writes, %d created, %d answered 503 (Retry-After %s s), of which %d committed "
                + "in doubt%n", outcomes.size(), written.size(), unavailable.size(), unavailable.get(0).retryAfter(), inDoubt.size());
    }

    private static String upn(int sequence) {
        return "DRD-%05d".formatted(sequence);
    }

    private static String registration(String upn) {
        return """
                {"siteCode":"%s","upn":"%s","sex":"MALE","birthDate":"%s","diagnosis":"REFRACTORY_AML"}""".formatted(SITE, upn, BIRTH_DATE);
    }
}
