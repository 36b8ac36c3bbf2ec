package org.ventrack.patient.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.context.FhirContext;

/** The FHIR mapping both ways, on the paper's 12 patients and on what a hospital might send wrong. */
class FhirMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FhirContext fhir;
    private static List<JsonNode> demo;

    @BeforeAll
    static void load() {
        fhir = FhirContext.forR4();
        demo = demoDocuments();
    }

    @Test
    void theTwelveDemoDocumentsComeBackEqualThroughAFhirTransactionBundle() {
        String json = fhir.newJsonParser().encodeResourceToString(DocumentToFhir.bundle(Bundle.BundleType.TRANSACTION, demo));
        Bundle parsed = fhir.newJsonParser().parseResource(Bundle.class, json);

        FhirToDocument.Result result = FhirToDocument.read(parsed);

        assertEquals(Map.of(), result.issues());
        assertEquals(12, result.documents().size());
        for (int k = 0; k < demo.size(); k++) {
            assertEquals(normalised(demo.get(k)), normalised(result.documents().get(k)),
                    "document of " + demo.get(k).path("patient").path("upn").asText());
        }
        assertEquals(parsed.getEntry().size(), result.targets().size(), "every entry went somewhere");
    }

    @Test
    void eachEntryIsMappedToTheRecordItBecame() {
        JsonNode upn03 = demo.get(2);
        Bundle bundle = DocumentToFhir.bundle(Bundle.BundleType.BATCH, List.of(upn03));

        FhirToDocument.Result result = FhirToDocument.read(bundle);

        assertEquals(List.of(new FhirToDocument.RecordRef("FR-RDB", "UPN03", "patient", 0)), result.targets().get(0));
        int hsct = indexOf(bundle, "Procedure");
        assertEquals("clinicalEvents", result.targets().get(hsct).get(0).section());
        assertEquals("HSCT", result.documents().get(0).path("clinicalEvents")
                .get(result.targets().get(hsct).get(0).index()).path("kind").asText());
    }

    @Test
    void aPatientWithANameAnAddressOrAForeignIdentifierIsRejectedWithEverythingThatReferencesIt() {
        Bundle bundle = DocumentToFhir.bundle(Bundle.BundleType.TRANSACTION, List.of(demo.get(0)));
        Patient patient = (Patient) bundle.getEntryFirstRep().getResource();
        patient.addName().setFamily("Martin");
        patient.addAddress().setCity("Paris");
        patient.addIdentifier().setSystem("urn:oid:1.2.250.1.213.1.4.8").setValue("1840775123456");

        FhirToDocument.Result result = FhirToDocument.read(bundle);

        assertEquals(List.of(), result.documents());
        List<FhirToDocument.Issue> onPatient = result.issues().get(0);
        assertEquals(List.of("Patient.name", "Patient.address", "Patient.identifier[1]"),
                onPatient.stream().map(FhirToDocument.Issue::expression).toList());
        assertTrue(onPatient.stream().allMatch(i -> i.type() == IssueType.SECURITY));
        assertEquals(bundle.getEntry().size(), result.issues().size(), "every entry of that patient is rejected");
        assertTrue(result.issues().get(1).get(0).message().contains("its Patient (entry 0) was rejected"));
    }

    @Test
    void aPatientWithoutTheUpnOrTheSiteIsRejected() {
        Bundle bundle = DocumentToFhir.bundle(Bundle.BundleType.BATCH, List.of(demo.get(0)));
        Patient patient = (Patient) bundle.getEntryFirstRep().getResource();
        patient.getIdentifierFirstRep().setSystem("http://hospital.example/mrn");
        patient.setManagingOrganization(new Reference("Organization/1"));

        List<FhirToDocument.Issue> issues = FhirToDocument.read(bundle).issues().get(0);

        assertEquals(List.of("Patient.identifier[0]", "Patient.identifier", "Patient.managingOrganization.identifier"),
                issues.stream().map(FhirToDocument.Issue::expression).toList());
    }

    @Test
    void unhandledResourceTypesAndUnknownCodeSystemsAreRejectedPerEntryWhileTheRestIsRead() {
        Bundle bundle = DocumentToFhir.bundle(Bundle.BundleType.BATCH, List.of(demo.get(0)));
        String patientUrl = bundle.getEntryFirstRep().getFullUrl();
        bundle.addEntry().setResource(new Task());
        Observation unknown = new Observation().setCode(new CodeableConcept(new Coding("http://lab.example/codes", "BL", null)))
                .setSubject(new Reference(patientUrl));
        bundle.addEntry().setResource(unknown);
        int ae = indexOf(bundle, "AdverseEvent");
        ((AdverseEvent) bundle.getEntry().get(ae).getResource()).getExtension()
                .removeIf(e -> e.getUrl().equals(FhirCodes.EXT_CTCAE_GRADE));

        FhirToDocument.Result result = FhirToDocument.read(bundle);

        int n = bundle.getEntry().size();
        assertEquals(IssueType.NOTSUPPORTED, result.issues().get(n - 2).get(0).type());
        assertEquals(IssueType.CODEINVALID, result.issues().get(n - 1).get(0).type());
        assertTrue(result.issues().get(n - 1).get(0).message().contains("http://lab.example/codes"));
        assertTrue(result.issues().get(ae).get(0).message().contains(FhirCodes.EXT_CTCAE_GRADE));
        assertEquals(Map.of(ae, 1, n - 2, 1, n - 1, 1), counts(result.issues()));
        assertEquals(5, result.documents().get(0).path("adverseEvents").size(), "UPN01's six AEs but the one without a grade");
    }

    @Test
    void aWeightInPoundsIsRejectedAndTakesItsHeightWithIt() {
        Bundle bundle = DocumentToFhir.bundle(Bundle.BundleType.BATCH, List.of(demo.get(0)));
        int weight = -1;
        for (int k = 0; k < bundle.getEntry().size(); k++) {
            if (bundle.getEntry().get(k).getResource() instanceof Observation o
                    && FhirCodes.LOINC_BODY_WEIGHT.equals(o.getCode().getCodingFirstRep().getCode())) {
                weight = k;
                ((Quantity) o.getValue()).setCode("[lb_av]");
            }
        }

        FhirToDocument.Result result = FhirToDocument.read(bundle);

        assertTrue(result.issues().get(weight).get(0).message().contains("unit must be kg"));
        assertTrue(result.issues().containsKey(weight + 1), "the height of that date is rejected too");
        assertEquals(0, result.documents().get(0).path("measurements").size());
    }

    @Test
    void standaloneLoincObservationsOfOneDateMakeOneAssessment() {
        Bundle bundle = DocumentToFhir.bundle(Bundle.BundleType.BATCH, List.of(demo.get(2)));
        bundle.getEntry().removeIf(e -> e.getResource() instanceof Observation o
                && FhirCodes.OBS_MARROW_ASSESSMENT.equals(o.getCode().getCodingFirstRep().getCode()));
        String subject = bundle.getEntryFirstRep().getFullUrl();
        bundle.addEntry().setResource(lab(subject, FhirCodes.LOINC_MARROW_BLASTS, "4", "%"));
        bundle.addEntry().setResource(lab(subject, FhirCodes.LOINC_PLATELETS, "45", "10*9/L"));
        bundle.addEntry().setResource(lab(subject, FhirCodes.LOINC_NEUTROPHILS, "0.6", "10*9/L"));

        FhirToDocument.Result result = FhirToDocument.read(bundle);

        assertEquals(Map.of(), result.issues());
        JsonNode assessments = result.documents().get(0).path("assessments");
        assertEquals(1, assessments.size());
        assertEquals("2020-10-05", assessments.get(0).path("assessmentDate").asText());
        assertEquals(4, assessments.get(0).path("blastPercent").asInt());
        assertEquals(45, assessments.get(0).path("platelets").asInt());
        assertEquals(0.6, assessments.get(0).path("anc").asDouble());
    }

    @Test
    void icd10AmlWithAClinicalStatusOfRelapseIsARelapsedAml() {
        Bundle bundle = DocumentToFhir.bundle(Bundle.BundleType.BATCH, List.of(demo.get(0)));
        org.hl7.fhir.r4.model.Condition condition = (org.hl7.fhir.r4.model.Condition) bundle.getEntry().get(1).getResource();
        condition.getCode().getCoding().removeIf(c -> c.getSystem().equals(FhirCodes.DIAGNOSIS_SYSTEM));
        condition.getClinicalStatus().getCodingFirstRep().setCode("relapse");

        assertEquals("RELAPSED_AML", FhirToDocument.read(bundle).documents().get(0).path("patient").path("diagnosis").asText());

        condition.getClinicalStatus().getCodingFirstRep().setCode("active");
        assertEquals("REFRACTORY_AML", FhirToDocument.read(bundle).documents().get(0).path("patient").path("diagnosis").asText());
    }

    private static Observation lab(String subject, String loinc, String value, String unit) {
        Observation o = new Observation().setCode(new CodeableConcept(new Coding(FhirCodes.LOINC, loinc, null)))
                .setSubject(new Reference(subject)).setEffective(new org.hl7.fhir.r4.model.DateTimeType("2020-10-05"));
        o.setValue(new Quantity().setValue(new java.math.BigDecimal(value)).setSystem(FhirCodes.UCUM).setCode(unit));
        return o;
    }

    private static Map<Integer, Integer> counts(Map<Integer, List<FhirToDocument.Issue>> issues) {
        Map<Integer, Integer> counts = new java.util.HashMap<>();
        issues.forEach((k, v) -> counts.put(k, v.size()));
        return counts;
    }

    private static int indexOf(Bundle bundle, String type) {
        for (int k = 0; k < bundle.getEntry().size(); k++) {
            if (bundle.getEntry().get(k).getResource().fhirType().equals(type)) {
                return k;
            }
        }
        throw new AssertionError("no " + type);
    }

    /**
     * The document's meaning: list order is not part of it (sorted), nor is an absent primitive boolean of a request
     * record (false either way: baseline, rampUp, serious, priorHsct, belowLloq); numbers compare by value.
     */
    static JsonNode normalised(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        ObjectNode patient = (ObjectNode) copy.path("patient");
        patient.put("priorHsct", patient.path("priorHsct").asBoolean(false));
        for (String section : FhirToDocument.SECTIONS) {
            List<JsonNode> records = new ArrayList<>();
            for (JsonNode record : copy.path(section)) {
                ObjectNode r = canonicalNumbers(record);
                for (String flag : List.of("baseline", "rampUp", "serious", "belowLloq")) {
                    if (r.path(flag).asBoolean(false)) {
                        r.put(flag, true);
                    } else {
                        r.remove(flag);
                    }
                }
                records.add(r);
            }
            records.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode sorted = copy.putArray(section);
            records.forEach(sorted::add);
        }
        copy.set("patient", canonicalNumbers(patient));
        return copy;
    }

    private static ObjectNode canonicalNumbers(JsonNode node) {
        ObjectNode out = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            out.set(field.getKey(), value.isNumber()
                    ? JSON.getNodeFactory().textNode(value.decimalValue().stripTrailingZeros().toPlainString())
                    : value);
        }
        return out;
    }

    static List<JsonNode> demoDocuments() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(directory.resolve("demo/cousson-2025"))) {
            directory = directory.getParent();
        }
        try (Stream<Path> files = Files.list(directory.resolve("demo/cousson-2025"))) {
            List<JsonNode> documents = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("UPN")).sorted().toList()) {
                documents.add(JSON.readTree(file.toFile()));
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
