package org.ventrack.patient.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading patient documents: sections, references, and the shape errors reported before any record is looked at. */
class PatientDocumentTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsTheSectionsOfADocument() throws Exception {
        PatientDocument doc = PatientDocument.fromJson(json.readTree("""
                {"patient": {"siteCode": "S", "upn": "U"}, "assessments": [{"assessmentDate": "2024-01-01"}],
                 "pkSamples": null}"""));
        assertTrue(doc.patientIsReference());
        assertEquals(1, doc.records(Section.ASSESSMENTS).size());
        assertEquals(0, doc.records(Section.PK_SAMPLES).size());
        assertEquals(2, doc.size());
        assertEquals(doc, PatientDocument.fromJson(doc.toJson()));
    }

    @Test
    void anUnknownSectionIsNamed() throws Exception {
        var e = assertThrows(PatientDocument.MalformedDocumentException.class, () -> PatientDocument.fromJson(json.readTree(
                "{\"patient\": {\"siteCode\": \"S\", \"upn\": \"U\"}, \"labs\": []}")));
        assertEquals("labs", e.field());
        var notAList = assertThrows(PatientDocument.MalformedDocumentException.class, () -> PatientDocument.fromJson(json.readTree(
                "{\"patient\": {\"siteCode\": \"S\", \"upn\": \"U\"}, \"measurements\": {}}")));
        assertEquals("measurements", notAList.field());
        var noPatient = assertThrows(PatientDocument.MalformedDocumentException.class,
                () -> PatientDocument.fromJson(json.readTree("{\"measurements\": []}")));
        assertEquals("patient", noPatient.field());
    }
}
