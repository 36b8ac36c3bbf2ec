package org.ventrack.survival;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.events.response.BestResponseChanged;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.PatientEvents;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.TopicReader;

/**
 * Twelve patients like the founding paper's, of site FR-KM, sent once per test run as patient and response events
 * through the real broker; R's figures for them are in src/test/r/service-cohort.R.
 */
final class PaperCohort {

    static final String SITE = "FR-KM";
    static final LocalDate START = LocalDate.of(2023, 1, 2);
    private static final EventCodec CODEC = new EventCodec();
    private static final List<UUID> PATIENTS = new ArrayList<>();

    private PaperCohort() {
    }

    /** The cohort's patient ids in the order below (UPN KM-1 to KM-12), sent and applied on the first call. */
    static synchronized List<UUID> patients(Infrastructure infrastructure) {
        if (!PATIENTS.isEmpty()) {
            return PATIENTS;
        }
        // regimen, best response, marrow relapse day, then clinical events as kind:day
        patient(infrastructure, "VEN_CHEMO", "CR", 110, "DEATH:393");
        patient(infrastructure, "VEN_CHEMO", "CR", null, "HSCT:42", "RELAPSE:240", "DEATH:457");
        patient(infrastructure, "VEN_CHEMO", "CR", null, "HSCT:90", "DEATH:1041");
        patient(infrastructure, "VEN_CHEMO", "NR", null, "DEATH:40");
        patient(infrastructure, "VEN_CHEMO", "NR", null, "DEATH:95");
        patient(infrastructure, "VEN_HMA", "CRI", null, "HSCT:48", "LAST_FOLLOW_UP:1254");
        patient(infrastructure, "VEN_HMA", "PR", null, "PROGRESSION:420", "DEATH:520");
        patient(infrastructure, "VEN_HMA", "NR", null, "DEATH:150");
        patient(infrastructure, "VEN_HMA", "NR", null, "DEATH:210");
        patient(infrastructure, "VEN_HMA", "NR", null, "DEATH:280");
        patient(infrastructure, "VEN_MONO", "NR", null, "DEATH:330");
        patient(infrastructure, "VEN_MONO", "NR", null, "DEATH:610");
        UUID last = PATIENTS.get(PATIENTS.size() - 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.investigator())
                .get("/api/v1/survival/patients/" + last).then().statusCode(200).body("os.days", equalTo(610))
                .body("efs.cause", equalTo("treatment failure (NR)")));
        return PATIENTS;
    }

    private static void patient(Infrastructure infrastructure, String regimen, String best, Integer marrowRelapseDay,
            String... events) {
        UUID patient = UUID.randomUUID();
        PATIENTS.add(patient);
        // KM-2, KM-4 and KM-8 carry a KMT2A rearrangement (grouping by a genetic alteration)
        List<String> genetics = List.of(2, 4, 8).contains(PATIENTS.size()) ? List.of("KMT2A t(9;11)", "NRAS")
                : List.of("NPM1");
        PatientEvents.send(infrastructure, PatientEvents.registered(patient, SITE, "KM-" + PATIENTS.size(),
                LocalDate.of(2016, 5, 1), genetics));
        PatientEvents.send(infrastructure, PatientEvents.course(patient, UUID.randomUUID(), START, regimen, 0));
        for (String event : events) {
            String[] kindAndDay = event.split(":");
            PatientEvents.send(infrastructure, PatientEvents.clinicalEvent(patient, UUID.randomUUID(), kindAndDay[0],
                    START.plusDays(Integer.parseInt(kindAndDay[1])), 0));
        }
        LocalDate day28 = START.plusDays(28);
        boolean failure = best.equals("NR");
        sendResponse(infrastructure, new BestResponseChanged(patient, "COUSSON_2025", "1.0", best, day28, !failure,
                null, failure, failure ? day28 : null, best.startsWith("CR") ? day28 : null, marrowRelapseDay != null,
                marrowRelapseDay == null ? null : START.plusDays(marrowRelapseDay), null));
    }

    static void sendResponse(Infrastructure infrastructure, BestResponseChanged payload) {
        EventEnvelope event = EventEnvelope.of("/ventrack/response-service", EventTypes.BEST_RESPONSE_CHANGED,
                payload.patientId().toString(), OffsetDateTime.now(), CODEC.toTree(payload));
        TopicReader.send(infrastructure.bootstrapServers(), Topics.RESPONSE, event.subject(), CODEC.write(event),
                EventEnvelope.CONTENT_TYPE);
    }
}
