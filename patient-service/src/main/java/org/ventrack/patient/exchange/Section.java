package org.ventrack.patient.exchange;

import java.util.List;
import java.util.Optional;

import org.ventrack.platform.peers.Peer;

/**
 * The parts of a patient document ({@code demo/cousson-2025/UPN*.json}): the patient and its record lists, each
 * element the body of the owning service's POST endpoint without a patient id. A record is identified by its natural
 * key within the patient, so importing it again changes nothing.
 */
public enum Section {
    PATIENT("patient", null, null, List.of("siteCode", "upn")),
    MEASUREMENTS("measurements", null, "measuredOn", List.of("measuredOn")),
    COMEDICATIONS("comedications", null, "startDate", List.of("drug", "startDate")),
    TREATMENT_COURSES("treatmentCourses", null, "startDate", List.of("startDate")),
    ASSESSMENTS("assessments", Peer.RESPONSE_SERVICE, "assessmentDate", List.of("assessmentDate")),
    PK_SAMPLES("pkSamples", Peer.PK_SERVICE, "sampledAt", List.of("sampledAt")),
    ADVERSE_EVENTS("adverseEvents", null, "onsetDate", List.of("term", "onsetDate", "grade")),
    CLINICAL_EVENTS("clinicalEvents", null, "date", List.of("kind", "date"));

    /** The record lists, in the order records sharing a date are applied (a course before its adverse events). */
    public static final List<Section> RECORDS = List.of(MEASUREMENTS, COMEDICATIONS, TREATMENT_COURSES, ASSESSMENTS,
            PK_SAMPLES, ADVERSE_EVENTS, CLINICAL_EVENTS);

    private final String jsonName;
    private final Peer owner;
    private final String dateField;
    private final List<String> naturalKey;

    Section(String jsonName, Peer owner, String dateField, List<String> naturalKey) {
        this.jsonName = jsonName;
        this.owner = owner;
        this.dateField = dateField;
        this.naturalKey = naturalKey;
    }

    /** The property name in a patient document, e.g. {@code treatmentCourses}. */
    public String jsonName() {
        return jsonName;
    }

    /** The service that owns these records, or empty for patient-service's own. */
    public Optional<Peer> owner() {
        return Optional.ofNullable(owner);
    }

    public boolean local() {
        return owner == null;
    }

    /** The field that dates the record (null for the patient). */
    public String dateField() {
        return dateField;
    }

    /** The fields that identify a record within its patient. */
    public List<String> naturalKey() {
        return naturalKey;
    }

    public static Optional<Section> byJsonName(String name) {
        for (Section s : values()) {
            if (s.jsonName.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
