package org.ventrack.patient.exchange;

import java.util.List;
import java.util.UUID;

/**
 * What happened to one patient document: one outcome per record, the patient first.
 *
 * @param index     the document's position in the list given to the applier
 * @param patientId the patient's id when it exists (registered now or before), else null
 */
public record DocumentOutcome(int index, String siteCode, String upn, UUID patientId, List<RecordOutcome> records) {

    public DocumentOutcome {
        records = List.copyOf(records);
    }

    public long count(RecordOutcome.Status status) {
        return records.stream().filter(r -> r.status() == status).count();
    }

    public boolean anyRejected() {
        return records.stream().anyMatch(RecordOutcome::rejected);
    }

    public DocumentOutcome plus(List<RecordOutcome> more) {
        List<RecordOutcome> all = new java.util.ArrayList<>(records);
        all.addAll(more);
        return new DocumentOutcome(index, siteCode, upn, patientId, all);
    }
}
