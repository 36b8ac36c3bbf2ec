package org.ventrack.patient.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What happened to one record of a document.
 *
 * @param section     the record's section ({@code PATIENT} for the patient itself)
 * @param index       its position in the section's list (0 for the patient)
 * @param key         its natural key as text, e.g. {@code startDate=2022-05-02}
 * @param field       for a rejection: the offending field, prefixed by the section, e.g. {@code treatmentCourses[1].endDate}
 * @param reason      for a rejection: what is wrong
 * @param peerStatus  for a record sent to a peer service: the HTTP status it answered
 * @param peerProblem the peer's problem+json body when it refused the record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordOutcome(Section section, int index, String key, Status status, String field, String reason,
        Integer peerStatus, JsonNode peerProblem) {

    public enum Status {
        /** Written now (to patient-service or accepted by the owning peer). */
        APPLIED,
        /** Already present with the same natural key; nothing written. */
        UNCHANGED,
        /** Dry run: valid, would be applied. */
        VALID,
        /** Invalid, or refused by its owner; see field and reason. */
        REJECTED,
        /** Valid, but not written because another record of the same transaction was rejected. */
        NOT_APPLIED,
        /** A peer record waiting for the caller's token (a job resumed after a restart): resume the job to send it. */
        DEFERRED
    }

    public static RecordOutcome of(Section section, int index, String key, Status status) {
        return new RecordOutcome(section, index, key, status, null, null, null, null);
    }

    public static RecordOutcome rejected(Section section, int index, String key, String field, String reason) {
        return new RecordOutcome(section, index, key, Status.REJECTED, field, reason, null, null);
    }

    public RecordOutcome withStatus(Status newStatus) {
        return new RecordOutcome(section, index, key, newStatus, field, reason, peerStatus, peerProblem);
    }

    public boolean rejected() {
        return status == Status.REJECTED;
    }
}
