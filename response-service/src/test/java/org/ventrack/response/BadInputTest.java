package org.ventrack.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ventrack.response.Fixtures.START;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.testing.InjectInfrastructure;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.PatientEvents;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Every kind of bad input: a clear problem+json, nothing stored, nothing published. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class BadInputTest {

    @InjectInfrastructure
    Infrastructure infrastructure;
    private UUID patient;

    @BeforeEach
    void treatedPatient() {
        Fixtures.configureRestAssured();
        patient = Fixtures.treatedPatient(infrastructure, "FR-BAD", "VEN_HMA");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "blastPercent, 100.1", "blastPercent, -1", "platelets, -0.5", "platelets, 5001", "anc, 500.5", "anc, -1",
            "cellularityPercent, 101", "cellsCounted, -3", "cycle, 0", "mrdLevelPercent, 120" })
    void refusesAValueOutOfRange(String field, String value) {
        Map<String, Object> body = Fixtures.completeRemission(patient, 28);
        body.put(field, new java.math.BigDecimal(value));
        if (field.equals("mrdLevelPercent")) {
            body.put("mrdStatus", "POSITIVE");
        }
        Fixtures.post(TestTokens.investigator(), body).statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem(org.hamcrest.Matchers.endsWith(field)));
        assertNothingStored();
    }

    @Test
    void refusesAnMrdLevelWithoutAStatus() {
        Map<String, Object> body = Fixtures.completeRemission(patient, 28);
        body.remove("mrdStatus");
        body.put("mrdLevelPercent", 0.1);
        Fixtures.post(TestTokens.investigator(), body).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("mrdLevelPercent"))
                .body("errors[0].message", equalTo("an MRD level needs an mrdStatus"));
        assertNothingStored();
    }

    @Test
    void refusesDatesBeforeBirthInTheFutureOrAfterDeath() {
        Fixtures.post(TestTokens.investigator(), Fixtures.assessment(patient, Fixtures.BIRTH.minusDays(1), "blastPercent", 3))
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].message", startsWith("is before the patient's birth"));
        Fixtures.post(TestTokens.investigator(), Fixtures.assessment(patient, LocalDate.now().plusDays(3), "blastPercent", 3))
                .statusCode(422).body("errors[0].message", equalTo("is in the future"));

        PatientEvents.send(infrastructure, PatientEvents.clinicalEvent(patient, UUID.randomUUID(), "DEATH", START.plusDays(100), 0));
        PatientEvents.awaitEventsApplied(patient, 3, TestTokens.investigator());
        Fixtures.post(TestTokens.investigator(), Fixtures.completeRemission(patient, 101))
                .statusCode(422).body("errors[0].message", equalTo("is after the patient's death (" + START.plusDays(100) + ")"));
        assertNothingStored();
        // on the day of death is fine
        Fixtures.post(TestTokens.investigator(), Fixtures.completeRemission(patient, 100)).statusCode(201);
    }

    @Test
    void refusesABaselineDatedAfterTheVenetoclaxStart() {
        Map<String, Object> body = Fixtures.completeRemission(patient, 28);
        body.put("baseline", true);
        Fixtures.post(TestTokens.investigator(), body).statusCode(422).body("errors[0].field", equalTo("baseline"));
        assertNothingStored();
    }

    @Test
    void anUnknownPatientIsNotFound() {
        UUID stranger = UUID.randomUUID();
        Fixtures.post(TestTokens.investigator(), Fixtures.completeRemission(stranger, 28))
                .statusCode(404).contentType("application/problem+json").body("detail", equalTo("Patient " + stranger + " does not exist."));
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients/" + stranger + "/responses").then().statusCode(404);
    }

    @Test
    void anotherSitesPatientIsNotFoundForASiteUser() {
        Fixtures.post(TestTokens.siteUser("FR-ELSEWHERE"), Fixtures.completeRemission(patient, 28))
                .statusCode(404).contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void refusesAnUnknownCriteriaSetOrGrouping() {
        given().auth().oauth2(TestTokens.investigator()).queryParam("criteria", "IWG_2003")
                .get("/api/v1/patients/" + patient + "/responses").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("criteria"));
        given().auth().oauth2(TestTokens.investigator()).queryParam("criteria", "nope").get("/api/v1/response-rates")
                .then().statusCode(400).body("errors[0].field", equalTo("criteria"));
        given().auth().oauth2(TestTokens.investigator()).queryParam("groupBy", "colour").get("/api/v1/response-rates")
                .then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
    }

    @Test
    void refusesMalformedJsonWrongTypesUnknownFieldsAndUnknownEnums() {
        String[] bodies = {
                "{\"patientId\": \"" + patient + "\", \"assessmentDate\": \"2024-02-12\", \"blastPercent\": }",
                "{\"patientId\": \"" + patient + "\", \"assessmentDate\": \"2024-02-12\", \"blastPercent\": \"many\"}",
                "{\"patientId\": \"" + patient + "\", \"assessmentDate\": \"2024-02-12\", \"patientName\": \"Jane\"}",
                "{\"patientId\": \"" + patient + "\", \"assessmentDate\": \"2024-02-12\", \"mrdStatus\": \"MAYBE\"}",
                "{\"patientId\": \"" + patient + "\"}" };
        for (String body : bodies) {
            given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/assessments").then().statusCode(400).contentType("application/problem+json");
        }
        assertNothingStored();
    }

    @Test
    void aStatisticianMayNotWrite() {
        Fixtures.post(TestTokens.statistician(), Fixtures.completeRemission(patient, 28)).statusCode(403)
                .contentType("application/problem+json");
        assertNothingStored();
    }

    /**
     * No assessment, no audit entry, no event. A valid assessment posted afterwards must be the first thing the
     * patient's events speak of: a refused write that had reached the outbox would have been published before it.
     */
    private void assertNothingStored() {
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/assessments")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/history")
                .then().statusCode(200).body("size()", equalTo(0));
        Fixtures.record(Fixtures.baseline(patient, 30));
        String valid = Fixtures.record(Fixtures.completeRemission(patient, 28));
        List<EventEnvelope> all = Fixtures.responseEvents(infrastructure, patient, 6, Duration.ofSeconds(30));
        assertEquals(6, all.size());
        // first the baseline's blasts under each criteria set, with no evaluable response yet
        for (EventEnvelope event : all.subList(0, 2)) {
            assertEquals("NOT_EVALUABLE", event.data().get("bestResponse").asText(), all.toString());
        }
        List<EventEnvelope> events = all.subList(2, 6);
        for (EventEnvelope event : events) {
            if (event.type().equals(EventTypes.ASSESSMENT_CLASSIFIED)) {
                assertEquals(valid, event.data().get("assessmentId").asText(), events.toString());
            } else {
                assertEquals("CR", event.data().get("bestResponse").asText(), events.toString());
            }
        }
    }
}
