package org.ventrack.patient;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ventrack.patient.Fixtures.START;
import static org.ventrack.patient.Fixtures.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.InjectInfrastructure;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.TopicReader;
import org.ventrack.platform.testing.VentrackInfrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Each record of a patient's clinical file: create, read, correct, delete, and the event each change publishes. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ClinicalRecordTest {

    private static final String SITE = "FR-REC";

    @InjectInfrastructure
    Infrastructure infrastructure;

    private static boolean siteReady;

    /** Once per class, but after Quarkus has set the test port (a static @BeforeAll runs before that). */
    @BeforeEach
    void site() {
        if (siteReady) {
            return;
        }
        siteReady = true;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.site(SITE);
    }

    @Test
    void registersTheFullPatientRecord() {
        var body = Fixtures.patient(SITE, "FULL-1");
        body.putAll(Map.of("priorRelapses", 2, "priorLines", 3, "priorHsct", true, "priorHsctDate", "2022-11-03",
                "cnsStatus", 2, "extramedullarySites", List.of("CNS", "skin"),
                "geneticAlterations", List.of(Map.of("kind", "REARRANGEMENT", "label", "KMT2A t(9;11)"))));
        String id = as(TestTokens.investigator()).body(body).post("/api/v1/patients").then().statusCode(201)
                .extract().path("id");
        as(TestTokens.investigator()).get("/api/v1/patients/" + id).then().statusCode(200)
                .body("priorRelapses", equalTo(2)).body("priorHsctDate", equalTo("2022-11-03"))
                .body("cnsStatus", equalTo(2)).body("extramedullarySites", equalTo(List.of("CNS", "skin")))
                .body("geneticAlterations[0].label", equalTo("KMT2A t(9;11)"));
    }

    @Test
    void measurementsDeriveTheBodySurfaceArea() {
        String patient = Fixtures.register(SITE, "BSA-1");
        String id = Fixtures.post(patient, "measurements", Map.of("measuredOn", "2024-01-10", "weightKg", 16, "heightCm", 100));
        // Mosteller: sqrt(100 * 16 / 3600) = 0.6667 m2
        as(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/measurements").then().statusCode(200)
                .body("", hasSize(1)).body("[0].id", equalTo(id)).body("[0].bsaM2", equalTo(0.667f));
        as(TestTokens.investigator()).header("If-Match", "\"0\"")
                .delete("/api/v1/patients/" + patient + "/measurements/" + id).then().statusCode(204);
        as(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/measurements").then().body("", hasSize(0));
    }

    @Test
    void aCourseIsCorrectedWithItsETag() {
        String patient = Fixtures.register(SITE, "COURSE-1");
        var created = as(TestTokens.investigator()).body(Fixtures.course(START, "VEN_CHEMO", null))
                .post("/api/v1/patients/" + patient + "/treatment-courses").then().statusCode(201)
                .header("ETag", equalTo("\"0\"")).header("Location", notNullValue()).extract();
        String id = created.path("id");
        var corrected = Fixtures.course(START, "VEN_CHEMO", 3.5);
        corrected.put("endDate", "2024-05-01");
        corrected.put("endReason", "bridged to HSCT");
        as(TestTokens.investigator()).header("If-Match", "\"0\"").body(corrected)
                .put("/api/v1/patients/" + patient + "/treatment-courses/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("cyclesGiven", equalTo(3.5f)).body("endReason", equalTo("bridged to HSCT"));
        as(TestTokens.investigator()).header("If-Match", "\"0\"").body(corrected)
                .put("/api/v1/patients/" + patient + "/treatment-courses/" + id).then().statusCode(412);
    }

    @Test
    void coMedicationsAreClassifiedAsCyp3aInhibitors() {
        String patient = Fixtures.treated(SITE, "AZOLE-1");
        String vori = Fixtures.post(patient, "comedications", Map.of("drug", "Voriconazole", "startDate", "2024-01-20"));
        Fixtures.post(patient, "comedications", Map.of("drug", "fluconazole", "startDate", "2024-01-21"));
        Fixtures.post(patient, "comedications", Map.of("drug", "paracetamol", "startDate", "2024-01-21"));
        as(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/comedications").then().statusCode(200)
                .body("find { it.id == '" + vori + "' }.cyp3aInhibition", equalTo("STRONG"))
                .body("find { it.drug == 'fluconazole' }.cyp3aInhibition", equalTo("MODERATE"))
                .body("find { it.drug == 'paracetamol' }.cyp3aInhibition", equalTo("NONE"));
        as(TestTokens.investigator()).header("If-Match", "\"0\"")
                .body(Map.of("drug", "Voriconazole", "startDate", "2024-01-20", "endDate", "2024-02-20"))
                .put("/api/v1/patients/" + patient + "/comedications/" + vori).then().statusCode(200)
                .body("endDate", equalTo("2024-02-20"));
    }

    @Test
    void adverseEventsTakeTheRegimenRunningAtOnsetAndTheOfficialTermSpelling() {
        String patient = Fixtures.treated(SITE, "AE-1");
        String id = Fixtures.post(patient, "adverse-events", Fixtures.adverseEvent("febrile neutropenia", 3, START.plusDays(12), true));
        as(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/adverse-events").then().statusCode(200)
                .body("[0].id", equalTo(id)).body("[0].term", equalTo("Febrile neutropenia"))
                .body("[0].regimen", equalTo("VEN_HMA")).body("[0].grade", equalTo(3)).body("[0].serious", equalTo(true));
        String before = Fixtures.post(patient, "adverse-events", Fixtures.adverseEvent("Nausea", 1, START.minusDays(3), false));
        as(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/adverse-events").then()
                .body("find { it.id == '" + before + "' }.regimen", nullValue());
    }

    @Test
    void clinicalEventsCanBeCorrectedAndDeleted() {
        String patient = Fixtures.treated(SITE, "EVENTS-1");
        String hsct = Fixtures.post(patient, "clinical-events", Fixtures.event("HSCT", START.plusDays(42)));
        String death = Fixtures.post(patient, "clinical-events", Fixtures.event("DEATH", START.plusDays(457)));
        as(TestTokens.investigator()).header("If-Match", "\"0\"").body(Fixtures.event("DEATH", START.plusDays(450)))
                .put("/api/v1/patients/" + patient + "/clinical-events/" + death).then().statusCode(200)
                .body("date", equalTo(START.plusDays(450).toString()));
        as(TestTokens.investigator()).header("If-Match", "\"0\"")
                .delete("/api/v1/patients/" + patient + "/clinical-events/" + hsct).then().statusCode(204);
        as(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/clinical-events").then()
                .body("", hasSize(1)).body("[0].kind", equalTo("DEATH")).body("[0].deathCause", equalTo("DISEASE"));
    }

    @Test
    void everyKindOfChangeIsPublishedInOrder() throws Exception {
        String patient = Fixtures.treated(SITE, "PUB-1");
        Fixtures.post(patient, "measurements", Map.of("measuredOn", "2024-01-10", "weightKg", 20, "heightCm", 110));
        String azole = Fixtures.post(patient, "comedications", Map.of("drug", "posaconazole", "startDate", "2024-01-20"));
        as(TestTokens.investigator()).header("If-Match", "\"0\"")
                .body(Map.of("drug", "posaconazole", "startDate", "2024-01-20", "endDate", "2024-01-30"))
                .put("/api/v1/patients/" + patient + "/comedications/" + azole).then().statusCode(200);
        String ae = Fixtures.post(patient, "adverse-events", Fixtures.adverseEvent("Sepsis", 4, START.plusDays(20), true));
        as(TestTokens.investigator()).header("If-Match", "\"0\"").body(Fixtures.adverseEvent("Sepsis", 3, START.plusDays(20), true))
                .put("/api/v1/patients/" + patient + "/adverse-events/" + ae).then().statusCode(200);
        String death = Fixtures.post(patient, "clinical-events", Fixtures.event("DEATH", START.plusDays(300)));
        as(TestTokens.investigator()).header("If-Match", "\"0\"").body(Fixtures.event("DEATH", START.plusDays(301)))
                .put("/api/v1/patients/" + patient + "/clinical-events/" + death).then().statusCode(200);
        String measurement = Fixtures.post(patient, "measurements", Map.of("measuredOn", "2024-02-10", "weightKg", 19, "heightCm", 110));
        as(TestTokens.investigator()).header("If-Match", "\"0\"")
                .delete("/api/v1/patients/" + patient + "/measurements/" + measurement).then().statusCode(204);

        List<String> expected = List.of(EventTypes.PATIENT_REGISTERED, EventTypes.TREATMENT_STARTED,
                EventTypes.MEASUREMENT_RECORDED, EventTypes.COMEDICATION_STARTED, EventTypes.COMEDICATION_ENDED,
                EventTypes.ADVERSE_EVENT_RECORDED, EventTypes.ADVERSE_EVENT_CORRECTED, EventTypes.CLINICAL_EVENT_RECORDED,
                EventTypes.CLINICAL_EVENT_CORRECTED, EventTypes.MEASUREMENT_RECORDED, EventTypes.RECORD_DELETED);
        List<ConsumerRecord<String, String>> records = TopicReader.read(infrastructure.bootstrapServers(), Topics.PATIENT,
                r -> patient.equals(r.key()), expected.size(), Duration.ofSeconds(30));
        ObjectMapper json = new ObjectMapper();
        List<String> types = records.stream().map(r -> {
            try {
                return json.readTree(r.value()).get("type").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(expected, types);
        assertEquals(START.plusDays(301).toString(), json.readTree(records.get(8).value()).at("/data/date").asText(),
                "the corrected death date reaches the bus");
        assertEquals("measurement", json.readTree(records.get(10).value()).at("/data/recordType").asText());
    }
}
