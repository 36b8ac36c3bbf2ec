package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Fault drill: two consumers (response-service and survival-service) are killed with SIGKILL while patient-service
 * takes a sustained stream of writes, then restarted. Every write answered 2xx must reach every consumer exactly once:
 * the counts in the consumers' read models and inboxes are reconciled against the writes, patient by patient.
 *
 * <p>Length: {@code -Dventrack.drill.write-seconds} (default 12) of writes, the kill after a third of it;
 * {@code system-tests/drills/run-all.sh} runs it longer.
 */
class ConsumerCrashDrillTest {

    private static final List<String> KILLED = List.of("response-service", "survival-service");
    private static final List<String> CONSUMERS = List.of("response-service", "pk-service", "survival-service");
    private static final String SITE = "FR-DRILLK";
    /** Clinical values posted by this drill, none of which may appear in a log line. */
    private static final String BIRTH_DATE = "2009-04-27";
    private static final String DAILY_DOSE = "235";
    private static final Duration WRITES = Duration.ofSeconds(Long.getLong("ventrack.drill.write-seconds", 12));

    private static LocalStack stack;
    private static String investigator;

    @BeforeAll
    static void startStack() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = StackFixture.start();
        investigator = stack.token("investigator");
        given().auth().oauth2(stack.token("admin")).contentType(ContentType.JSON)
                .body(Map.of("code", SITE, "name", "Drill site K", "country", "FR"))
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
    void consumersKilledMidStreamLoseNothingAndApplyNothingTwice() throws Exception {
        String patients = stack.serviceUrl("patient-service") + "/api/v1/patients";
        long begin = System.nanoTime();
        Map<String, Long> pidsBefore = new HashMap<>();
        KILLED.forEach(s -> pidsBefore.put(s, stack.serviceProcessId(s)));
        List<SustainedWrites.Outcome> outcomes;
        try (SustainedWrites writes = SustainedWrites.start(3, (n, http) -> {
            SustainedWrites.Outcome registered = SustainedWrites.post(http, "patient", n, patients, investigator, """
                    {"siteCode":"%s","upn":"DRK-%05d","sex":"FEMALE","birthDate":"%s","diagnosis":"RELAPSED_AML"}"""
                    .formatted(SITE, n, BIRTH_DATE));
            if (registered.status() != 201 || n % 2 == 1) {
                return List.of(registered);
            }
            // every other patient gets a treatment course: a second event about the same patient, in order
            return List.of(registered, SustainedWrites.post(http, "course", n,
                    patients + "/" + SustainedWrites.idOf(registered.body()) + "/treatment-courses", investigator, """
                            {"startDate":"2024-01-15","regimen":"VEN_HMA","partnerAgents":["azacitidine"],"cycleLengthDays":28,
                             "activeDays":21,"doseBasis":"WEIGHT","dailyDoseMg":%s,"rampUp":true,"cyclesGiven":1}"""
                            .formatted(DAILY_DOSE)));
        })) {
            Thread.sleep(WRITES.toMillis() / 3);
            for (String service : KILLED) {
                stack.killService(service);
            }
            long killedAt = writes.elapsedMillis();
            for (String service : KILLED) {
                long readyAfter = stack.restartService(service);
                System.out.printf("%s killed at %d ms of writes, ready again %d ms after its restart%n", service, killedAt, readyAfter);
            }
            long left = WRITES.toMillis() - writes.elapsedMillis();
            if (left > 0) {
                Thread.sleep(left);
            }
            outcomes = writes.stop();
        }
        KILLED.forEach(s -> assertNotEquals(pidsBefore.get(s), stack.serviceProcessId(s), s + " was restarted"));

        List<SustainedWrites.Outcome> failed = outcomes.stream().filter(o -> o.status() != 201).toList();
        assertEquals(List.of(), failed, "patient-service answers every write while its consumers are down");
        List<String> registered = SustainedWrites.ids(outcomes, "patient", 201);
        Set<String> withCourse = new HashSet<>();
        for (SustainedWrites.Outcome o : outcomes) {
            if (o.what().equals("course")) {
                withCourse.add(o.body().replaceAll("(?s).*\"patientId\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1"));
            }
        }
        assertTrue(registered.size() > 20, "a sustained stream: " + registered.size() + " patients");
        assertTrue(registered.containsAll(withCourse), "courses belong to registered patients");
        int events = registered.size() + withCourse.size();
        List<UUID> ids = registered.stream().map(UUID::fromString).toList();

        ServiceDatabase patientDb = new ServiceDatabase(stack, "patient-service");
        assertEquals(registered.size(), patientDb.count("SELECT count(*) FROM patient WHERE site_code = ?", SITE));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(events, patientDb.count(
                "SELECT count(*) FROM outbox_event WHERE record_key = ANY(?) AND published_at IS NOT NULL",
                registered)));

        for (String consumer : CONSUMERS) {
            ServiceDatabase db = new ServiceDatabase(stack, consumer);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertEquals(
                    events, db.count("SELECT coalesce(sum(events_applied), 0) FROM patient_facts WHERE patient_id = ANY(?)", ids),
                    consumer + " has applied every event"));
            Map<String, Integer> applied = new HashMap<>();
            db.rows("SELECT patient_id, events_applied FROM patient_facts WHERE patient_id = ANY(?)", ids)
                    .forEach(r -> applied.put(r.get(0).toString(), ((Number) r.get(1)).intValue()));
            List<String> wrong = new ArrayList<>();
            for (String patient : registered) {
                int expected = withCourse.contains(patient) ? 2 : 1;
                if (applied.getOrDefault(patient, 0) != expected) {
                    wrong.add(patient + " applied " + applied.get(patient) + " times, expected " + expected);
                }
            }
            assertEquals(List.of(), wrong, consumer + ": every event of every patient applied exactly once");
            assertEquals(events, db.count("SELECT count(*) FROM inbox_event WHERE subject = ANY(?)", registered),
                    consumer + ": one inbox row per event");
        }
        given().auth().oauth2(investigator).get(stack.serviceUrl("survival-service") + "/api/v1/patients/" + registered.get(0)
                + "/facts").then().statusCode(200);
        System.out.printf("consumer crash drill: %d patients, %d events, %d writes, reconciled in 3 consumers, %d ms%n",
                registered.size(), events, outcomes.size(), (System.nanoTime() - begin) / 1_000_000);
    }
}
