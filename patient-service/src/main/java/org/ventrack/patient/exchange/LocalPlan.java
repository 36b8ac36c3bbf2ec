package org.ventrack.patient.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.ventrack.patient.domain.Patient;
import org.ventrack.patient.domain.PatientRecord;

/** What checking one document found: outcomes so far, patient-service writes to make, peer records to send. */
final class LocalPlan {

    /** A record checked and ready to write. */
    record Write(Section section, int index, String key, PatientRecord record) {
    }

    /** A record for a peer, checked as far as it can be here. */
    record PeerRecord(Section section, int index, String key, JsonNode body) {
    }

    final int documentIndex;
    final String siteCode;
    final String upn;
    UUID patientId;
    /** The patient to register, or null when it exists or was rejected. */
    Patient newPatient;
    final List<RecordOutcome> outcomes = new ArrayList<>();
    final List<Write> writes = new ArrayList<>();
    final List<PeerRecord> peerRecords = new ArrayList<>();

    LocalPlan(int documentIndex, String siteCode, String upn) {
        this.documentIndex = documentIndex;
        this.siteCode = siteCode;
        this.upn = upn;
    }

    boolean anyRejected() {
        return outcomes.stream().anyMatch(RecordOutcome::rejected);
    }
}
