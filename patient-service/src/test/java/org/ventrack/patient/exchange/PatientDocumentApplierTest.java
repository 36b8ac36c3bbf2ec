package org.ventrack.patient.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.security.Roles;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The applier on its own: the paper's UPN10 document applied, applied again, dry-run, transaction and scoping. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PatientDocumentApplierTest {

    static final String SITE = "FR-APL";

    @Inject
    PatientDocumentApplier applier;
    @Inject
    ObjectMapper json;
    @Inject
    DataSource dataSource;

    private static boolean siteReady;

    @BeforeEach
    void site() {
        if (!siteReady) {
            siteReady = true;
            RestAssured.given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                    .body(Map.of("code", SITE, "name", "Applier site", "country", "FR")).post("/api/v1/sites");
        }
    }

    static ImportCaller siteUser(String... sites) {
        return new ImportCaller("importer", Set.of(Roles.SITE_USER), Set.of(sites), null);
    }

    /** demo/cousson-2025/UPN10.json with another site and UPN. */
    PatientDocument paperDocument(String upn) throws Exception {
        ObjectNode node = (ObjectNode) json.readTree(Files.readString(demo().resolve("UPN10.json")));
        ((ObjectNode) node.get("patient")).put("siteCode", SITE).put("upn", upn);
        return PatientDocument.fromJson(node);
    }

    static Path demo() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("demo/cousson-2025"))) {
            dir = dir.getParent();
        }
        return dir.resolve("demo/cousson-2025");
    }

    long count(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void appliesTheLocalRecordsAndDefersPeerRecordsWithoutAToken() throws Exception {
        PatientDocument doc = paperDocument("APL-1");
        DocumentOutcome outcome = applier.apply(doc, ApplyMode.BATCH, siteUser(SITE));
        assertNotNull(outcome.patientId());
        // patient + 1 measurement + 1 comedication + 2 courses + adverse events + clinical events
        int local = 1 + doc.records(Section.MEASUREMENTS).size() + doc.records(Section.COMEDICATIONS).size()
                + doc.records(Section.TREATMENT_COURSES).size() + doc.records(Section.ADVERSE_EVENTS).size()
                + doc.records(Section.CLINICAL_EVENTS).size();
        assertEquals(local, outcome.count(RecordOutcome.Status.APPLIED), outcome.toString());
        assertEquals(doc.records(Section.ASSESSMENTS).size() + doc.records(Section.PK_SAMPLES).size(),
                outcome.count(RecordOutcome.Status.DEFERRED));
        assertEquals(local, count("SELECT count(*) FROM audit_entry WHERE patient_id = '" + outcome.patientId() + "'"));
        assertEquals(2, count("SELECT count(*) FROM treatment_course WHERE patient_id = '" + outcome.patientId() + "'"));
        RestAssured.given().auth().oauth2(TestTokens.siteUser(SITE)).get("/api/v1/patients/" + outcome.patientId() + "/adverse-events")
                .then().statusCode(200);
    }

    @Test
    void appliesNothingTwice() throws Exception {
        PatientDocument doc = paperDocument("APL-2");
        applier.apply(doc, ApplyMode.BATCH, siteUser(SITE));
        long audit = count("SELECT count(*) FROM audit_entry");
        long outbox = count("SELECT count(*) FROM outbox_event");
        DocumentOutcome again = applier.apply(doc, ApplyMode.BATCH, siteUser(SITE));
        assertEquals(0, again.count(RecordOutcome.Status.APPLIED), again.toString());
        assertTrue(again.count(RecordOutcome.Status.UNCHANGED) > 5);
        assertEquals(audit, count("SELECT count(*) FROM audit_entry"));
        assertTrue(count("SELECT count(*) FROM outbox_event") <= outbox);
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        long audit = count("SELECT count(*) FROM audit_entry");
        DocumentOutcome outcome = applier.apply(paperDocument("APL-3"), ApplyMode.DRY_RUN, siteUser(SITE));
        assertNull(outcome.patientId());
        assertTrue(outcome.count(RecordOutcome.Status.VALID) > 5, outcome.toString());
        assertEquals(0, outcome.count(RecordOutcome.Status.APPLIED));
        assertEquals(audit, count("SELECT count(*) FROM audit_entry"));
        assertEquals(0, count("SELECT count(*) FROM patient WHERE upn = 'APL-3'"));
    }

    @Test
    void batchAppliesTheValidRecordsAndNamesTheInvalidOnes() throws Exception {
        PatientDocument doc = paperDocument("APL-4");
        ObjectNode node = doc.toJson();
        ((ObjectNode) ((ArrayNode) node.get("treatmentCourses")).get(1)).put("activeDays", 40);
        ((ObjectNode) ((ArrayNode) node.get("adverseEvents")).get(0)).put("term", "Not a CTCAE term");
        DocumentOutcome outcome = applier.apply(PatientDocument.fromJson(node), ApplyMode.BATCH, siteUser(SITE));
        List<RecordOutcome> rejected = outcome.records().stream().filter(RecordOutcome::rejected).toList();
        assertEquals(2, rejected.size(), rejected.toString());
        assertEquals("adverseEvents[0].term", rejected.stream().filter(r -> r.section() == Section.ADVERSE_EVENTS).findFirst().orElseThrow().field());
        RecordOutcome course = rejected.stream().filter(r -> r.section() == Section.TREATMENT_COURSES).findFirst().orElseThrow();
        assertEquals("treatmentCourses[1].activeDays", course.field());
        assertEquals(1, count("SELECT count(*) FROM treatment_course WHERE patient_id = '" + outcome.patientId() + "'"));
    }

    @Test
    void transactionAppliesNothingWhenOneRecordIsInvalid() throws Exception {
        ObjectNode node = paperDocument("APL-5").toJson();
        ((ObjectNode) ((ArrayNode) node.get("measurements")).get(0)).put("weightKg", "heavy");
        DocumentOutcome outcome = applier.apply(PatientDocument.fromJson(node), ApplyMode.TRANSACTION, siteUser(SITE));
        assertEquals(1, outcome.count(RecordOutcome.Status.REJECTED), outcome.toString());
        assertEquals("measurements[0].weightKg", outcome.records().stream().filter(RecordOutcome::rejected).findFirst().orElseThrow().field());
        assertTrue(outcome.count(RecordOutcome.Status.NOT_APPLIED) > 5);
        assertEquals(0, count("SELECT count(*) FROM patient WHERE upn = 'APL-5'"));
    }

    @Test
    void refusesAnotherSitesPatient() throws Exception {
        DocumentOutcome outcome = applier.apply(paperDocument("APL-6"), ApplyMode.BATCH, siteUser("DE-XXX"));
        RecordOutcome patient = outcome.records().get(0);
        assertEquals(RecordOutcome.Status.REJECTED, patient.status());
        assertEquals("patient.siteCode", patient.field());
        assertEquals(0, count("SELECT count(*) FROM patient WHERE upn = 'APL-6'"));
    }
}
