package org.ventrack.patient;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.ventrack.patient.Fixtures.START;
import static org.ventrack.patient.Fixtures.as;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Every class of bad input is refused with problem+json, and nothing is written. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class BadInputTest {

    private static final String SITE = "FR-BAD";
    private static final String PROBLEM = "application/problem+json";

    private static boolean sitesReady;

    /** Once per class, but after Quarkus has set the test port (a static @BeforeAll runs before that). */
    @BeforeEach
    void site() {
        if (sitesReady) {
            return;
        }
        sitesReady = true;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.site(SITE);
        Fixtures.site("FR-OTHER");
    }

    private static void refused(String patient, String records, Object body, int status, String field) {
        as(TestTokens.investigator()).body(body).post("/api/v1/patients/" + patient + "/" + records)
                .then().statusCode(status).contentType(PROBLEM).body("errors.field", hasItem(field));
    }

    private static void nothingIn(String patient, String records) {
        as(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/" + records).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void impossibleMeasurements() {
        String patient = Fixtures.register(SITE, "MEAS-1");
        refused(patient, "measurements", Map.of("measuredOn", "2024-01-10", "weightKg", 0, "heightCm", 100), 400, "weightKg");
        refused(patient, "measurements", Map.of("measuredOn", "2024-01-10", "weightKg", 251, "heightCm", 100), 400, "weightKg");
        refused(patient, "measurements", Map.of("measuredOn", "2024-01-10", "weightKg", 20, "heightCm", 29), 400, "heightCm");
        refused(patient, "measurements", Map.of("measuredOn", "2024-01-10", "weightKg", 20, "heightCm", 231), 400, "heightCm");
        refused(patient, "measurements", Map.of("measuredOn", "2014-01-10", "weightKg", 20, "heightCm", 100), 422, "measuredOn");
        nothingIn(patient, "measurements");
    }

    @Test
    void adverseEventGradeAndTerm() {
        String patient = Fixtures.treated(SITE, "AE-BAD-1");
        refused(patient, "adverse-events", Fixtures.adverseEvent("Nausea", 0, START.plusDays(3), false), 400, "grade");
        refused(patient, "adverse-events", Fixtures.adverseEvent("Nausea", 6, START.plusDays(3), false), 400, "grade");
        refused(patient, "adverse-events", Fixtures.adverseEvent("Feeling blue", 2, START.plusDays(3), false), 422, "term");
        nothingIn(patient, "adverse-events");
    }

    @Test
    void deathBeforeTheStartAndEventsAfterDeath() {
        String patient = Fixtures.treated(SITE, "DEATH-1");
        refused(patient, "clinical-events", Fixtures.event("DEATH", START.minusDays(1)), 422, "date");
        Fixtures.post(patient, "clinical-events", Fixtures.event("DEATH", START.plusDays(100)));
        refused(patient, "clinical-events", Fixtures.event("DEATH", START.plusDays(101)), 422, "date");
        refused(patient, "clinical-events", Fixtures.event("RELAPSE", START.plusDays(120)), 422, "date");
        refused(patient, "adverse-events", Fixtures.adverseEvent("Nausea", 1, START.plusDays(101), false), 422, "onsetDate");
        as(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/clinical-events").then().body("", hasSize(1));
        nothingIn(patient, "adverse-events");
    }

    @Test
    void followUpAndTransplantNotBeforeTheStart() {
        String patient = Fixtures.treated(SITE, "FU-1");
        refused(patient, "clinical-events", Fixtures.event("LAST_FOLLOW_UP", START.minusDays(1)), 422, "date");
        refused(patient, "clinical-events", Fixtures.event("HSCT", START.minusDays(30)), 422, "date");
        String untreated = Fixtures.register(SITE, "FU-2");
        as(TestTokens.investigator()).body(Fixtures.event("LAST_FOLLOW_UP", START)).post("/api/v1/patients/" + untreated + "/clinical-events")
                .then().statusCode(422).body("detail", containsString("treatment course first"));
        nothingIn(patient, "clinical-events");
    }

    @Test
    void fieldsThatDoNotBelongToTheKind() {
        String patient = Fixtures.treated(SITE, "KIND-1");
        var relapseWithDonor = new HashMap<>(Fixtures.event("RELAPSE", START.plusDays(30)));
        relapseWithDonor.put("hsctDonor", "CORD");
        refused(patient, "clinical-events", relapseWithDonor, 400, "hsctDonor");
        refused(patient, "clinical-events", Map.of("kind", "DEATH", "date", START.plusDays(30).toString()), 400, "deathCause");
        refused(patient, "clinical-events", Map.of("kind", "BIRTHDAY", "date", START.plusDays(30).toString()), 400, "kind");
        nothingIn(patient, "clinical-events");
    }

    @Test
    void datesInTheFutureAndBeforeBirth() {
        var future = Fixtures.patient(SITE, "FUT-1");
        future.put("birthDate", "2999-01-01");
        as(TestTokens.investigator()).body(future).post("/api/v1/patients").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("birthDate"));
        String patient = Fixtures.register(SITE, "FUT-2");
        refused(patient, "treatment-courses", Fixtures.course(java.time.LocalDate.now().plusDays(5), "VEN_MONO", 1), 422, "startDate");
        refused(patient, "treatment-courses", Fixtures.course(java.time.LocalDate.of(2010, 1, 1), "VEN_MONO", 1), 422, "startDate");
        nothingIn(patient, "treatment-courses");
    }

    @Test
    void wrongJsonTypesAndUnknownEnums() {
        String patient = Fixtures.register(SITE, "TYPE-1");
        refused(patient, "measurements", Map.of("measuredOn", "2024-01-10", "weightKg", "heavy", "heightCm", 100), 400, "weightKg");
        var course = Fixtures.course(START, "VEN_MAGIC", 1);
        refused(patient, "treatment-courses", course, 400, "regimen");
        var activeTooLong = Fixtures.course(START, "VEN_MONO", 1);
        activeTooLong.put("activeDays", 30);
        refused(patient, "treatment-courses", activeTooLong, 400, "activeDays");
        nothingIn(patient, "measurements");
        nothingIn(patient, "treatment-courses");
    }

    @Test
    void duplicateUpnAndOversizedPayload() {
        Fixtures.register(SITE, "DUP-1");
        as(TestTokens.investigator()).body(Fixtures.patient(SITE, "DUP-1")).post("/api/v1/patients")
                .then().statusCode(409).contentType(PROBLEM);
        var huge = Fixtures.patient(SITE, "HUGE-1");
        huge.put("extramedullarySites", java.util.Collections.nCopies(5000, "x".repeat(60)));
        as(TestTokens.investigator()).body(huge).post("/api/v1/patients").then().statusCode(413).contentType(PROBLEM);
        as(TestTokens.investigator()).get("/api/v1/patients?site=" + SITE + "&size=200").then()
                .body("items.upn", org.hamcrest.Matchers.not(hasItem("HUGE-1")));
    }

    @Test
    void aSiteUserWritingToAnotherSite() {
        String other = Fixtures.treated("FR-OTHER", "OTHER-1");
        as(TestTokens.siteUser(SITE)).body(Fixtures.patient("FR-OTHER", "OTHER-2")).post("/api/v1/patients")
                .then().statusCode(403).contentType(PROBLEM);
        as(TestTokens.siteUser(SITE)).body(Fixtures.adverseEvent("Nausea", 1, START.plusDays(3), false))
                .post("/api/v1/patients/" + other + "/adverse-events").then().statusCode(404).contentType(PROBLEM);
        nothingIn(other, "adverse-events");
    }

    @Test
    void aCorrectionThatBreaksTheTimelineIsRefusedAndKeepsTheOldValue() {
        String patient = Fixtures.treated(SITE, "CORR-1");
        Fixtures.post(patient, "adverse-events", Fixtures.adverseEvent("Nausea", 1, START.plusDays(50), false));
        String death = Fixtures.post(patient, "clinical-events", Fixtures.event("DEATH", START.plusDays(100)));
        as(TestTokens.investigator()).header("If-Match", "\"0\"").body(Fixtures.event("DEATH", START.plusDays(40)))
                .put("/api/v1/patients/" + patient + "/clinical-events/" + death)
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("date"));
        as(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/clinical-events").then()
                .body("[0].date", equalTo(START.plusDays(100).toString())).body("[0].version", equalTo(0));
    }
}
