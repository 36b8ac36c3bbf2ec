package org.ventrack.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ventrack.response.Fixtures.START;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.testing.InjectInfrastructure;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Record, classify, correct and delete assessments; the results, their history and their events. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AssessmentsTest {

    @InjectInfrastructure
    Infrastructure infrastructure;
    private UUID patient;

    @BeforeEach
    void treatedPatient() {
        Fixtures.configureRestAssured();
        patient = Fixtures.treatedPatient(infrastructure, "FR-RDB", "VEN_CHEMO");
    }

    @Test
    void classifiesOneMarrowUnderBothCriteriaSetsWithReasons() {
        String baseline = Fixtures.record(Fixtures.baseline(patient, 30));
        // platelets 80 and ANC 0.8: recovery by the paper's thresholds (> 75, > 0.75), only partial by ELN 2022
        String day28 = Fixtures.record(Fixtures.assessment(patient, START.plusDays(28), "blastPercent", 3,
                "platelets", 80, "anc", 0.8, "mrdStatus", "NEGATIVE", "cycle", 1));

        Fixtures.responses(patient, "COUSSON_2025")
                .body("venetoclaxStart", equalTo(START.toString()))
                .body("baseline.assessmentId", equalTo(baseline))
                .body("baseline.blastPercent", equalTo(30))
                .body("assessments.role", contains("BASELINE", "RESPONSE"))
                .body("assessments[1].assessmentId", equalTo(day28))
                .body("assessments[1].classification.category", equalTo("CR"))
                .body("assessments[1].classification.reasons.find { it.criterion == 'platelets > 75 G/L' }.met", equalTo(true))
                .body("assessments[1].classification.reasons.find { it.criterion == 'platelets > 75 G/L' }.values",
                        equalTo("platelets 80 G/L"))
                .body("bestResponse.category", equalTo("CR"))
                .body("bestResponse.responder", equalTo(true))
                .body("bestResponse.mrdAtBestResponse", equalTo("NEGATIVE"))
                .body("bestResponse.firstCompleteRemissionDate", equalTo(START.plusDays(28).toString()));
        Fixtures.responses(patient, "ELN_2022")
                .body("criteriaVersion", equalTo("1.0"))
                .body("assessments[1].classification.category", equalTo("CRH"))
                .body("assessments[1].classification.label", equalTo("CRh"))
                .body("assessments[1].classification.mrdNegative", equalTo(true));
        // the configured default is the paper's
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/responses")
                .then().statusCode(200).body("criteria", equalTo("COUSSON_2025"));
    }

    @Test
    void publishesEachNewResultAndEachChangedBestResponse() {
        Fixtures.record(Fixtures.baseline(patient, 30));
        String day28 = Fixtures.record(Fixtures.completeRemission(patient, 28));

        // events of one patient keep their order: the baseline marrow alone publishes its blasts (Table 1) under each
        // criteria set, with no evaluable response yet; then the day-28 CR is classified and becomes the best response
        List<EventEnvelope> events = Fixtures.responseEvents(infrastructure, patient, 6, Duration.ofSeconds(30));
        assertEquals(6, events.size(), events.toString());
        for (EventEnvelope baseline : events.subList(0, 2)) {
            assertEquals(EventTypes.BEST_RESPONSE_CHANGED, baseline.type());
            assertEquals("NOT_EVALUABLE", baseline.data().get("bestResponse").asText());
            assertEquals(30.0, baseline.data().get("baselineBlastPercent").asDouble());
        }
        List<EventEnvelope> classified = events.stream().filter(e -> e.type().equals(EventTypes.ASSESSMENT_CLASSIFIED)).toList();
        assertEquals(2, classified.size());
        for (EventEnvelope e : classified) {
            assertEquals(day28, e.data().get("assessmentId").asText());
            assertEquals("CR", e.data().get("category").asText());
            assertEquals("/ventrack/response-service", e.source());
            assertEquals(patient.toString(), e.subject());
        }
        EventEnvelope best = events.subList(2, 6).stream().filter(e -> e.type().equals(EventTypes.BEST_RESPONSE_CHANGED))
                .findFirst().orElseThrow();
        assertEquals("CR", best.data().get("bestResponse").asText());
        assertEquals(false, best.data().get("treatmentFailure").asBoolean());
        assertEquals(START.plusDays(28).toString(), best.data().get("firstCompleteRemissionDate").asText());
    }

    @Test
    void aCorrectionReclassifiesAndKeepsTheEarlierResultInTheHistory() {
        Fixtures.record(Fixtures.baseline(patient, 30));
        String id = Fixtures.record(Fixtures.completeRemission(patient, 28));
        String etag = given().auth().oauth2(TestTokens.investigator()).get("/api/v1/assessments/" + id)
                .then().statusCode(200).extract().header("ETag");

        Map<String, Object> lowPlatelets = Fixtures.completeRemission(patient, 28);
        lowPlatelets.put("platelets", 50);
        put(id, etag, lowPlatelets).statusCode(200).body("platelets", equalTo(50)).body("version", equalTo(1));
        put(id, etag, lowPlatelets).statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON).body(lowPlatelets)
                .put("/api/v1/assessments/" + id).then().statusCode(428);

        Fixtures.responses(patient, "COUSSON_2025").body("bestResponse.category", equalTo("CRI"));
        given().auth().oauth2(TestTokens.statistician()).get("/api/v1/assessments/" + id + "/classifications")
                .then().statusCode(200)
                .body("findAll { it.criteria == 'COUSSON_2025' }.category", contains("CR", "CRI"))
                .body("findAll { it.criteria == 'COUSSON_2025' }.current", contains(false, true))
                .body("findAll { it.criteria == 'ELN_2022' }.category", contains("CR", "CRH"));
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/history")
                .then().statusCode(200)
                .body("action", contains("CREATE", "CREATE", "UPDATE"))
                .body("[2].before.platelets", equalTo(120))
                .body("[2].after.platelets", equalTo(50))
                .body("[2].actor", equalTo("investigator"));
    }

    @Test
    void deletingAnAssessmentWithdrawsItsResults() {
        Fixtures.record(Fixtures.baseline(patient, 30));
        String id = Fixtures.record(Fixtures.completeRemission(patient, 28));
        given().auth().oauth2(TestTokens.investigator()).header("If-Match", "\"0\"")
                .delete("/api/v1/assessments/" + id).then().statusCode(204);

        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/assessments/" + id).then().statusCode(404);
        Fixtures.responses(patient, "COUSSON_2025").body("assessments", hasSize(1))
                .body("bestResponse.category", equalTo("NOT_EVALUABLE"));
        List<EventEnvelope> events = Fixtures.responseEvents(infrastructure, patient, 8, Duration.ofSeconds(30));
        assertEquals(2, events.stream().filter(e -> e.data().path("withdrawn").asBoolean()).count(), events.toString());
        assertEquals("NOT_EVALUABLE", events.stream().filter(e -> e.type().equals(EventTypes.BEST_RESPONSE_CHANGED))
                .reduce((a, b) -> b).orElseThrow().data().get("bestResponse").asText());
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/history")
                .then().body("action", contains("CREATE", "CREATE", "DELETE"));
    }

    @Test
    void listsThePatientsAssessmentsEarliestFirstPaged() {
        Fixtures.record(Fixtures.completeRemission(patient, 56));
        Fixtures.record(Fixtures.baseline(patient, 30));
        Fixtures.record(Fixtures.completeRemission(patient, 28));
        given().auth().oauth2(TestTokens.investigator()).queryParam("size", 2)
                .get("/api/v1/patients/" + patient + "/assessments").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(2))
                .body("items.assessmentDate", contains(START.minusDays(3).toString(), START.plusDays(28).toString()));
        given().auth().oauth2(TestTokens.investigator()).queryParam("page", 1).queryParam("size", 2)
                .get("/api/v1/patients/" + patient + "/assessments").then()
                .body("items.assessmentDate", contains(START.plusDays(56).toString()));
    }

    @Test
    void aCorrectedVenetoclaxStartDerivesTheBaselineAndTheResultsAgain() {
        UUID course = UUID.randomUUID();
        UUID other = Fixtures.treatedPatientWithCourse(infrastructure, "FR-RDB", "VEN_HMA", course);
        Fixtures.record(Fixtures.assessment(other, START.minusDays(5), "blastPercent", 40));
        Fixtures.record(Fixtures.assessment(other, START.plusDays(26), "blastPercent", 15));
        Fixtures.responses(other, "COUSSON_2025").body("bestResponse.category", equalTo("PR"))
                .body("baseline.rule", org.hamcrest.Matchers.startsWith("latest marrow on or before the venetoclax start"));

        // the start was in fact after both marrows: the later one becomes the baseline, nothing is a response
        org.ventrack.platform.testing.PatientEvents.send(infrastructure,
                org.ventrack.platform.testing.PatientEvents.course(other, course, START.plusDays(27), "VEN_HMA", 1));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Fixtures
                .responses(other, "COUSSON_2025").body("venetoclaxStart", equalTo(START.plusDays(27).toString()))
                .body("baseline.blastPercent", equalTo(15))
                .body("bestResponse.category", equalTo("NOT_EVALUABLE")));

        // the course deleted: no time origin, no baseline
        org.ventrack.platform.testing.PatientEvents.send(infrastructure,
                org.ventrack.platform.testing.PatientEvents.deleted(other, "treatment-course", course));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Fixtures
                .responses(other, "COUSSON_2025").body("venetoclaxStart", nullValue()).body("baseline", nullValue())
                .body("assessments.classification.missing[0]", contains("venetoclaxStart")));
    }

    @Test
    void ofConcurrentCorrectionsWithTheSameETagExactlyOneWins() throws Exception {
        String id = Fixtures.record(Fixtures.completeRemission(patient, 28));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Map<String, Object> body = Fixtures.completeRemission(patient, 28);
                body.put("platelets", 100 + i);
                writers.add(() -> put(id, "\"0\"", body).extract().statusCode());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(writers)) {
                codes.add(f.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
            assertEquals(7, codes.stream().filter(c -> c == 412).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/assessments/" + id).then().body("version", equalTo(1));
    }

    private static io.restassured.response.ValidatableResponse put(String id, String etag, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(body).put("/api/v1/assessments/" + id).then();
    }
}
