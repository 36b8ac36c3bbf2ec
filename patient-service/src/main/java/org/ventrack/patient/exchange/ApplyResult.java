package org.ventrack.patient.exchange;

import java.util.List;

/** The outcome of applying documents: one {@link DocumentOutcome} per document, in the given order. */
public record ApplyResult(ApplyMode mode, List<DocumentOutcome> documents) {

    public ApplyResult {
        documents = List.copyOf(documents);
    }

    public long count(RecordOutcome.Status status) {
        return documents.stream().mapToLong(d -> d.count(status)).sum();
    }

    public boolean anyRejected() {
        return documents.stream().anyMatch(DocumentOutcome::anyRejected);
    }
}
