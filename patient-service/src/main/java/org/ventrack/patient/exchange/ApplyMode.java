package org.ventrack.patient.exchange;

/** How a set of patient documents is applied. */
public enum ApplyMode {
    /** Validate every record (against the stored record too) and write nothing. */
    DRY_RUN,
    /** Apply each valid record, report each invalid one; a record that fails never stops the others. */
    BATCH,
    /**
     * All or none per service: patient-service's own records in one database transaction, written only if every
     * record of the documents (peer records included, as far as they can be checked here) is valid. Peer records are
     * sent only after that; see the README for what "all or none" can and cannot mean across services.
     */
    TRANSACTION
}
