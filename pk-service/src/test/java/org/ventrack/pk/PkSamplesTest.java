package org.ventrack.pk;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.testing.InjectInfrastructure;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.PatientEvents;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.TopicReader;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Samples judged as they are posted: Table 4 of the paper, the voriconazole case and its alerts, bad input, scoping. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PkSamplesTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 15);
    private static final EventCodec CODEC = new EventCodec();

    @InjectInfrastructure
    Infrastructure infrastructure;

    @BeforeEach
    void logging() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private UUID treated(String site, double dailyDoseMg) {
        UUID patient = UUID.randomUUID();
        PatientEvents.send(infrastructure, PatientEvents.registered(patient, site, "PK-" + patient, LocalDate.of(2013, 3, 1)));
        PatientEvents.send(infrastructure, PatientEvents.courseWithDose(patient, UUID.randomUUID(), START, "VEN_HMA", dailyDoseMg));
        PatientEvents.awaitEventsApplied(patient, 2, TestTokens.investigator());
        return patient;
    }

    /** A trough at day 10, 24 h after the last dose. */
    private static Map<String, Object> trough(UUID patient, double doseMg, double concentration) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", patient.toString());
        body.put("sampledAt", START.plusDays(9).atTime(8, 0).toString());
        body.put("lastDoseAt", START.plusDays(8).atTime(8, 0).toString());
        body.put("dailyDoseMg", doseMg);
        body.put("concentrationNgPerMl", concentration);
        body.put("kind", "TROUGH");
        return body;
    }

    private static ValidatableResponse post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/pk/samples").then();
    }

    @ParameterizedTest(name = "{1} ng/mL at {0} mg gives {2}")
    @CsvSource({ "150, 342, 2.28", "150, 163, 1.09", "250, 314, 1.26", "250, 227, 0.91", "400, 214, 0.54", "800, 439, 0.55" })
    void tableFourDoseNormalisedTroughs(double dose, double trough, String expected) {
        UUID patient = treated("FR-PK", dose);
        post(TestTokens.investigator(), trough(patient, dose, trough)).statusCode(201)
                .body("judgement.courseDay", equalTo(10)).body("judgement.steadyState", equalTo(true))
                .body("judgement.withinTroughWindow", equalTo(true))
                .body("judgement.doseNormalised", equalTo(Float.parseFloat(expected)))
                .body("judgement.flags.flag", not(hasItem("INTERACTION_SUSPECTED")));
    }

    @Test
    void theVoriconazoleCaseIsFlaggedAlertedAndPublished() {
        UUID patient = treated("FR-PK", 200);
        PatientEvents.send(infrastructure, PatientEvents.comedicationStarted(patient, UUID.randomUUID(), "voriconazole",
                "STRONG", START.plusDays(2)));
        PatientEvents.awaitEventsApplied(patient, 3, TestTokens.investigator());

        String sample = post(TestTokens.siteUser("FR-PK"), trough(patient, 200, 7215)).statusCode(201)
                .body("judgement.doseNormalised", equalTo(36.08f))
                .body("judgement.flags.flag", hasItems("ABOVE_RANGE", "INTERACTION_SUSPECTED"))
                .body("judgement.activeInhibitors[0]", org.hamcrest.Matchers.startsWith("voriconazole (CYP3A STRONG"))
                .extract().path("id");
        // the 50 % reduction of the paper: 3681 at 100 mg, still flagged
        post(TestTokens.siteUser("FR-PK"), trough(patient, 100, 3681)).statusCode(201)
                .body("judgement.doseNormalised", equalTo(36.81f))
                .body("judgement.flags.flag", hasItem("INTERACTION_SUSPECTED"));

        List<EventEnvelope> events = TopicReader.read(infrastructure.bootstrapServers(), Topics.PK,
                r -> patient.toString().equals(r.key()), 5, Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::value).map(CODEC::read).toList();
        // the inhibitor's start alert, then for each sample its measurement and its alert
        assertEquals(List.of(EventTypes.ALERT_RAISED, EventTypes.TROUGH_MEASURED, EventTypes.ALERT_RAISED,
                EventTypes.TROUGH_MEASURED, EventTypes.ALERT_RAISED), events.stream().map(EventEnvelope::type).toList());
        assertEquals(sample, events.get(1).data().get("sampleId").asText());
        assertTrue(events.get(2).data().get("flags").toString().contains("INTERACTION_SUSPECTED"));

        given().auth().oauth2(TestTokens.siteUser("FR-PK")).queryParam("site", "FR-PK").get("/api/v1/pk/alerts").then()
                .statusCode(200).body("items.findAll { it.patientId == '" + patient + "' }.kind",
                        contains("FLAGGED_SAMPLE", "FLAGGED_SAMPLE", "STRONG_INHIBITOR_STARTED"));
    }

    @Test
    void aStrongInhibitorStartedDuringVenetoclaxRaisesAnAlertOnceAndItIsAcknowledgedOnce() {
        UUID patient = treated("FR-ALERT", 250);
        UUID drug = UUID.randomUUID();
        var started = PatientEvents.comedicationStarted(patient, drug, "posaconazole", "STRONG", START.plusDays(5));
        PatientEvents.send(infrastructure, started);
        PatientEvents.send(infrastructure, PatientEvents.comedicationStarted(patient, UUID.randomUUID(), "paracetamol",
                "NONE", START.plusDays(5)));
        PatientEvents.awaitEventsApplied(patient, 4, TestTokens.investigator());

        String alert = given().auth().oauth2(TestTokens.siteUser("FR-ALERT")).get("/api/v1/pk/alerts").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].kind", equalTo("STRONG_INHIBITOR_STARTED"))
                .body("items[0].reasons[0]", org.hamcrest.Matchers.containsString("posaconazole (strong CYP3A inhibitor)"))
                .extract().path("items[0].id");
        given().auth().oauth2(TestTokens.siteUser("FR-OTHER")).post("/api/v1/pk/alerts/" + alert + "/ack").then().statusCode(404);
        given().auth().oauth2(TestTokens.statistician()).post("/api/v1/pk/alerts/" + alert + "/ack").then().statusCode(403);
        given().auth().oauth2(TestTokens.siteUser("FR-ALERT")).post("/api/v1/pk/alerts/" + alert + "/ack").then()
                .statusCode(200).body("acknowledgedBy", equalTo("site-user-FR-ALERT"));
        given().auth().oauth2(TestTokens.siteUser("FR-ALERT")).post("/api/v1/pk/alerts/" + alert + "/ack").then()
                .statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.siteUser("FR-ALERT")).get("/api/v1/pk/alerts").then().body("total", equalTo(0));
        given().auth().oauth2(TestTokens.siteUser("FR-ALERT")).queryParam("status", "acknowledged")
                .get("/api/v1/pk/alerts").then().body("total", equalTo(1));
        given().auth().oauth2(TestTokens.siteUser("FR-OTHER")).queryParam("status", "all")
                .get("/api/v1/pk/alerts").then().body("items.findAll { it.patientId == '" + patient + "' }", org.hamcrest.Matchers.empty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative concentration       | concentrationNgPerMl | -1                  | 400
            concentration above 100,000  | concentrationNgPerMl | 100001              | 400
            dose 0                       | dailyDoseMg          | 0                   | 400
            dose above 1,200             | dailyDoseMg          | 1201                | 400
            last dose after sampling     | lastDoseAt           | 2024-01-25T09:00:00 | 400
            sample before the start      | sampledAt            | 2024-01-14T08:00:00 | 422
            sample in the future         | sampledAt            | 2099-01-01T08:00:00 | 422
            unknown kind                 | kind                 | RANDOM              | 400
            """)
    void refusesBadSamplesAndStoresNothing(String name, String field, String value, int status) {
        UUID patient = treated("FR-BAD", 200);
        Map<String, Object> body = trough(patient, 200, 300);
        if (field.equals("lastDoseAt") || field.equals("sampledAt") || field.equals("kind")) {
            body.put(field, value);
            if (field.equals("sampledAt")) {
                body.remove("lastDoseAt");
            }
        } else {
            body.put(field, new BigDecimal(value));
        }
        post(TestTokens.investigator(), body).statusCode(status).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/pk-samples").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void refusesSamplesAfterDeathForUnknownOrOtherSitesPatients() {
        UUID patient = treated("FR-BAD", 200);
        PatientEvents.send(infrastructure, PatientEvents.clinicalEvent(patient, UUID.randomUUID(), "DEATH", START.plusDays(5), 0));
        PatientEvents.awaitEventsApplied(patient, 3, TestTokens.investigator());
        post(TestTokens.investigator(), trough(patient, 200, 300)).statusCode(422)
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("is after the patient's death"));
        post(TestTokens.investigator(), trough(UUID.randomUUID(), 200, 300)).statusCode(404);
        UUID other = treated("FR-ELSE", 200);
        post(TestTokens.siteUser("FR-BAD"), trough(other, 200, 300)).statusCode(404);
        post(TestTokens.statistician(), trough(other, 200, 300)).statusCode(403);
    }

    @Test
    void ofConcurrentCorrectionsWithTheSameETagExactlyOneWins() throws Exception {
        UUID patient = treated("FR-PK", 150);
        String id = post(TestTokens.investigator(), trough(patient, 150, 342)).statusCode(201).extract().path("id");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<Integer> codes = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Callable<Integer>> writers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Map<String, Object> body = trough(patient, 150, 300 + i);
                writers.add(() -> given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON)
                        .header("If-Match", "\"0\"").body(body).put("/api/v1/pk/samples/" + id).statusCode());
            }
            for (java.util.concurrent.Future<Integer> f : pool.invokeAll(writers)) {
                codes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
        assertEquals(7, codes.stream().filter(c -> c == 412).count(), codes.toString());
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/pk/samples/" + id).then().body("version", equalTo(1));
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/history").then()
                .body("action", contains("CREATE", "UPDATE"));
    }

    @Test
    void correctionsNeedTheETagAndAreAudited() {
        UUID patient = treated("FR-PK", 150);
        String id = post(TestTokens.investigator(), trough(patient, 150, 342)).statusCode(201).extract().path("id");
        Map<String, Object> corrected = trough(patient, 150, 163);
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON).body(corrected)
                .put("/api/v1/pk/samples/" + id).then().statusCode(428);
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(corrected).put("/api/v1/pk/samples/" + id).then().statusCode(200)
                .body("judgement.doseNormalised", equalTo(1.09f)).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(corrected).put("/api/v1/pk/samples/" + id).then().statusCode(412);
        given().auth().oauth2(TestTokens.investigator()).header("If-Match", "\"1\"").delete("/api/v1/pk/samples/" + id)
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/history").then()
                .statusCode(200).body("action", contains("CREATE", "UPDATE", "DELETE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.read(infrastructure.bootstrapServers(), Topics.PK,
                r -> patient.toString().equals(r.key()) && r.value().contains("\"withdrawn\":true"), 1,
                Duration.ofSeconds(5)).size() == 1);
    }

    @Test
    void everyReadIsLimitedToTheCallersSites() {
        UUID patient = treated("FR-SCOPE", 150);
        String id = post(TestTokens.investigator(), trough(patient, 150, 342)).statusCode(201).extract().path("id");
        for (String path : List.of("/api/v1/pk/samples/" + id, "/api/v1/patients/" + patient + "/pk-samples",
                "/api/v1/patients/" + patient + "/history", "/api/v1/patients/" + patient + "/facts")) {
            given().auth().oauth2(TestTokens.siteUser("FR-SCOPE")).get(path).then().statusCode(200);
            given().auth().oauth2(TestTokens.siteUser("FR-ELSEWHERE")).get(path).then().statusCode(404);
            given().auth().oauth2(TestTokens.statistician()).get(path).then().statusCode(200);
            given().get(path).then().statusCode(401);
        }
    }
}
