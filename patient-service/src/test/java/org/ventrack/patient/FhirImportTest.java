package org.ventrack.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.patient.fhir.DocumentToFhir;
import org.ventrack.patient.fhir.FhirCodes;
import org.ventrack.patient.fhir.FhirJson;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * FHIR import into patient-service alone (no peer services here, so the Bundles hold no assessments or pk samples;
 * those reach response- and pk-service in system-tests): batch and transaction semantics, idempotence, bad input,
 * pseudonymisation and scoping, each answered as FHIR.
 */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class FhirImportTest {

    /** Sites of this run only: the test database outlives a run. */
    private static final String RUN = Long.toString(System.nanoTime() % 2_000_000_000L, 36).toUpperCase();
    private static final String SITE = "FR-I" + RUN;
    private static final String OTHER = "BE-I" + RUN;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean sites;

    @Inject
    FhirJson fhir;

    @BeforeEach
    void sites() {
        if (!sites) {
            RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
            Fixtures.site(SITE);
            Fixtures.site(OTHER);
            sites = true;
        }
    }

    @Test
    void aBatchIsAppliedEntryByEntryAndASecondPostChangesNothing() {
        Bundle bundle = bundle(Bundle.BundleType.BATCH, SITE, "FI-BATCH");
        String body = fhir.encode(bundle);

        JsonPath first = post(TestTokens.siteUser(SITE), body).then().statusCode(200)
                .contentType(startsWith("application/fhir+json")).extract().jsonPath();

        assertEquals("batch-response", first.getString("type"));
        assertEquals(bundle.getEntry().size(), first.getList("entry").size());
        assertEquals(List.of("201 Created"), first.getList("entry.response.status").stream().distinct().toList());
        String id = Fixtures.as(TestTokens.siteUser(SITE)).get("/api/v1/patients?upn=FI-BATCH").then().statusCode(200)
                .extract().path("items[0].id");
        assertEquals("Patient/" + id, first.getString("entry[0].response.location"));
        Fixtures.as(TestTokens.siteUser(SITE)).get("/api/v1/patients/" + id + "/adverse-events").then()
                .body("term", hasItem("Myalgia"));
        Fixtures.as(TestTokens.siteUser(SITE)).get("/api/v1/patients/" + id + "/clinical-events").then()
                .body("kind", hasItem("HSCT"));

        post(TestTokens.siteUser(SITE), body).then().statusCode(200).body("entry.response.status", everyItem(equalTo("200 OK")));
    }

    @Test
    void aTransactionWithOneUnacceptableEntryAppliesNothing() {
        Bundle bundle = bundle(Bundle.BundleType.TRANSACTION, SITE, "FI-TX");
        int ae = indexOf(bundle, "AdverseEvent");
        ((AdverseEvent) bundle.getEntry().get(ae).getResource()).getExtension()
                .removeIf(e -> e.getUrl().equals(FhirCodes.EXT_CTCAE_GRADE));

        post(TestTokens.siteUser(SITE), fhir.encode(bundle)).then().statusCode(422)
                .contentType(startsWith("application/fhir+json")).body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("Bundle.entry[" + ae + "].resource.AdverseEvent.extension"))
                .body("issue.diagnostics", hasItem("transaction refused: nothing was applied"));

        Fixtures.as(TestTokens.siteUser(SITE)).get("/api/v1/patients?upn=FI-TX").then().body("total", equalTo(0));
    }

    @Test
    void aTransactionThatTheRecordChecksRefuseAppliesNothing() {
        Bundle bundle = bundle(Bundle.BundleType.TRANSACTION, SITE, "FI-TX-RULES");
        ((AdverseEvent) bundle.getEntry().get(indexOf(bundle, "AdverseEvent")).getResource())
                .setDateElement(new org.hl7.fhir.r4.model.DateTimeType("2001-01-01"));

        post(TestTokens.siteUser(SITE), fhir.encode(bundle)).then().statusCode(422)
                .body("resourceType", equalTo("OperationOutcome"));

        Fixtures.as(TestTokens.siteUser(SITE)).get("/api/v1/patients?upn=FI-TX-RULES").then().body("total", equalTo(0));
    }

    @Test
    void aBatchAppliesTheValidEntriesAndAnswers422ForTheOthers() {
        Bundle bundle = bundle(Bundle.BundleType.BATCH, SITE, "FI-PARTIAL");
        int ae = indexOf(bundle, "AdverseEvent");
        ((AdverseEvent) bundle.getEntry().get(ae).getResource()).getEvent().getCoding().clear();
        ((AdverseEvent) bundle.getEntry().get(ae).getResource()).getEvent().setText(null)
                .addCoding().setSystem("http://terminology.hl7.org/CodeSystem/mdr").setCode("10028813");

        JsonPath answer = post(TestTokens.siteUser(SITE), fhir.encode(bundle)).then().statusCode(200).extract().jsonPath();

        assertEquals("422 Unprocessable Entity", answer.getString("entry[" + ae + "].response.status"));
        assertEquals("code-invalid", answer.getString("entry[" + ae + "].response.outcome.issue[0].code"));
        assertEquals("201 Created", answer.getString("entry[0].response.status"));
        Fixtures.as(TestTokens.siteUser(SITE)).get("/api/v1/patients?upn=FI-PARTIAL").then().body("total", equalTo(1));
    }

    @Test
    void aPatientWithANameIsRefusedAndNothingOfItIsKept() {
        Bundle bundle = bundle(Bundle.BundleType.BATCH, SITE, "FI-NAMED");
        ((Patient) bundle.getEntryFirstRep().getResource()).addName().setFamily("Dupont").addGiven("Marie");
        ((Patient) bundle.getEntryFirstRep().getResource()).addTelecom().setValue("+33 1 40 03 20 00");

        post(TestTokens.siteUser(SITE), fhir.encode(bundle)).then().statusCode(200)
                .body("entry.response.status", everyItem(equalTo("422 Unprocessable Entity")))
                .body("entry[0].response.outcome.issue.code", everyItem(equalTo("security")))
                .body("entry[0].response.outcome.issue.expression.flatten()", equalTo(List.of("Patient.name", "Patient.telecom")));

        Fixtures.as(TestTokens.siteUser(SITE)).get("/api/v1/patients?upn=FI-NAMED").then().body("total", equalTo(0));
    }

    @Test
    void aSiteUserCannotImportAnotherSitesPatientAndAStatisticianCannotImportAtAll() {
        String body = fhir.encode(bundle(Bundle.BundleType.BATCH, OTHER, "FI-AWAY"));

        post(TestTokens.siteUser(SITE), body).then().statusCode(200)
                .body("entry[0].response.status", equalTo("422 Unprocessable Entity"));
        post(TestTokens.statistician(), body).then().statusCode(403).contentType(startsWith("application/fhir+json"))
                .body("issue[0].code", equalTo("forbidden"));

        Fixtures.as(TestTokens.investigator()).get("/api/v1/patients?upn=FI-AWAY").then().body("total", equalTo(0));
    }

    @Test
    void whatIsNotABatchOrTransactionBundleIsA400OperationOutcome() {
        String token = TestTokens.siteUser(SITE);
        post(token, "{\"resourceType\": \"Bundle\", \"type\": ").then().statusCode(400)
                .contentType(startsWith("application/fhir+json")).body("issue[0].diagnostics", startsWith("not valid FHIR R4 JSON"));
        post(token, "{\"resourceType\": \"Bundle\", \"type\": \"batch\", \"colour\": \"blue\"}").then().statusCode(400)
                .body("issue[0].diagnostics", containsString("colour"));
        post(token, "{\"resourceType\": \"Patient\", \"gender\": \"female\"}").then().statusCode(400)
                .body("issue[0].diagnostics", equalTo("expected a Bundle, got a Patient"));
        post(token, fhir.encode(bundle(Bundle.BundleType.COLLECTION, SITE, "FI-COLL"))).then().statusCode(400)
                .body("issue[0].diagnostics", equalTo("Bundle.type must be batch or transaction, not collection"));
        given().auth().oauth2(token).contentType("application/fhir+json")
                .body("{\"resourceType\": \"Bundle\", \"type\": \"batch\", \"id\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1))
                .post("/fhir/r4").then().statusCode(400).body("issue[0].diagnostics", startsWith("the body is not UTF-8"));
        given().auth().oauth2(token).contentType("text/plain").body("hello").post("/fhir/r4").then().statusCode(415)
                .contentType(startsWith("application/fhir+json")).body("resourceType", equalTo("OperationOutcome"));
    }

    private static io.restassured.response.Response post(String token, String body) {
        return given().auth().oauth2(token).contentType("application/fhir+json").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/fhir/r4");
    }

    /** The paper's UPN03 (course, AEs, HSCT, follow-up) under another site and UPN, without its assessments. */
    private static Bundle bundle(Bundle.BundleType type, String site, String upn) {
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(Files.readString(demo().resolve("UPN03.json")));
            ((ObjectNode) document.get("patient")).put("siteCode", site).put("upn", upn);
            document.putArray("assessments");
            document.putArray("pkSamples");
            return DocumentToFhir.bundle(type, List.of(document));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path demo() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(directory.resolve("demo/cousson-2025"))) {
            directory = directory.getParent();
        }
        return directory.resolve("demo/cousson-2025");
    }

    private static int indexOf(Bundle bundle, String type) {
        for (int k = 0; k < bundle.getEntry().size(); k++) {
            if (bundle.getEntry().get(k).getResource().fhirType().equals(type)) {
                return k;
            }
        }
        throw new AssertionError("no " + type);
    }
}
