package org.ventrack.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ventrack.patient.Fixtures.START;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** FHIR export from patient-service alone: $everything, Bulk Data $export with its status and files, metadata. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class FhirExportTest {

    /** Sites of this run only: the test database outlives a run. */
    private static final String RUN = Long.toString(System.nanoTime() % 2_000_000_000L, 36).toUpperCase();
    private static final String HOME = "FR-X" + RUN;
    private static final String AWAY = "DE-X" + RUN;
    private static String patient;
    private static String away;

    @BeforeEach
    void data() {
        if (patient != null) {
            return;
        }
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.site(HOME);
        Fixtures.site(AWAY);
        patient = Fixtures.treated(HOME, "FX-1");
        Fixtures.post(patient, "measurements", Map.of("measuredOn", START.minusDays(1).toString(), "weightKg", 21.5, "heightCm", 112));
        Fixtures.post(patient, "adverse-events", Fixtures.adverseEvent("Febrile neutropenia", 3, START.plusDays(9), true));
        Fixtures.post(patient, "clinical-events", Fixtures.event("DEATH", START.plusDays(200)));
        away = Fixtures.treated(AWAY, "FX-AWAY");
    }

    @Test
    void metadataIsACapabilityStatementWithoutAToken() {
        given().get("/fhir/r4/metadata").then().statusCode(200).contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("CapabilityStatement")).body("fhirVersion", equalTo("4.0.1"))
                .body("rest[0].interaction.code", hasItem("transaction"))
                .body("rest[0].resource.type", hasItem("AdverseEvent"));
    }

    @Test
    void everythingIsTheWholeLocalRecordAsASearchsetAndSaysThatPeersAreNotConfigured() {
        JsonPath bundle = given().auth().oauth2(TestTokens.siteUser(HOME)).get("/fhir/r4/Patient/" + patient + "/$everything")
                .then().statusCode(200).contentType(startsWith("application/fhir+json")).extract().jsonPath();

        assertEquals("searchset", bundle.getString("type"));
        assertEquals(1, bundle.getInt("total"));
        List<String> types = bundle.getList("entry.resource.resourceType");
        assertEquals(List.of("Patient", "Condition", "Observation", "Observation", "MedicationStatement", "AdverseEvent",
                "OperationOutcome", "OperationOutcome"), types);
        assertEquals(patient, bundle.getString("entry[0].resource.id"));
        assertEquals("FX-1", bundle.getString("entry[0].resource.identifier[0].value"));
        assertEquals("https://ventrack.org/fhir/sid/upn", bundle.getString("entry[0].resource.identifier[0].system"));
        assertEquals(START.plusDays(200).toString(), bundle.getString("entry[0].resource.deceasedDateTime"));
        assertEquals(21.5f, bundle.getFloat("entry[2].resource.valueQuantity.value"));
        assertEquals(3, bundle.getInt("entry[5].resource.extension.find { it.url.endsWith('ctcae-grade') }.valueInteger"));
        assertTrue(bundle.getString("entry[6].resource.issue[0].diagnostics").contains("assessments are not included"));
    }

    @Test
    void anotherSitesPatientIsNotFoundAsAnOperationOutcome() {
        given().auth().oauth2(TestTokens.siteUser(HOME)).get("/fhir/r4/Patient/" + away + "/$everything")
                .then().statusCode(404).contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("not-found"));
    }

    @Test
    void withoutATokenTheAnswerIsA401OperationOutcome() {
        given().get("/fhir/r4/Patient/" + patient + "/$everything").then().statusCode(401)
                .contentType(startsWith("application/fhir+json")).body("issue[0].code", equalTo("login"));
    }

    @Test
    void bulkExportRunsAsynchronouslyAndHoldsOnlyTheCallersSites() {
        String token = TestTokens.siteUser(HOME);
        Response kickOff = given().auth().oauth2(token).header("Prefer", "respond-async").get("/fhir/r4/$export");
        kickOff.then().statusCode(202);
        String status = kickOff.header("Content-Location");
        assertTrue(status.contains("/fhir/r4/bulk-status/"), status);

        Response done = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(token).get(status), r -> r.statusCode() != 202);
        done.then().statusCode(200).body("requiresAccessToken", equalTo(true));
        Map<String, Integer> counts = new java.util.HashMap<>();
        List<Map<String, Object>> output = done.jsonPath().getList("output");
        output.forEach(o -> counts.put((String) o.get("type"), (Integer) o.get("count")));
        assertEquals(Map.of("Patient", 1, "Condition", 1, "MedicationStatement", 1, "AdverseEvent", 1, "Observation", 2), counts);

        String patients = given().auth().oauth2(token).get(fileUrl(output, "Patient")).then().statusCode(200)
                .contentType(startsWith("application/fhir+ndjson")).extract().asString();
        assertEquals(1, patients.lines().count());
        assertTrue(patients.contains("\"FX-1\""), patients);
        assertTrue(!patients.contains("FX-AWAY"));

        given().auth().oauth2(TestTokens.siteUser(AWAY)).get(status).then().statusCode(404);
        given().auth().oauth2(token).delete(status).then().statusCode(202);
        given().auth().oauth2(token).get(status).then().statusCode(404);
    }

    @Test
    void bulkExportWithoutPreferRespondAsyncOrWithAnUnknownTypeIsA400() {
        given().auth().oauth2(TestTokens.statistician()).get("/fhir/r4/$export").then().statusCode(400)
                .body("issue[0].diagnostics", startsWith("a bulk export needs the header Prefer"));
        given().auth().oauth2(TestTokens.statistician()).header("Prefer", "respond-async")
                .get("/fhir/r4/Patient/$export?_type=Patient,Encounter").then().statusCode(400)
                .body("issue[0].code", equalTo("not-supported"));
    }

    private static String fileUrl(List<Map<String, Object>> output, String type) {
        return output.stream().filter(o -> type.equals(o.get("type"))).map(o -> (String) o.get("url")).findFirst().orElseThrow();
    }
}
