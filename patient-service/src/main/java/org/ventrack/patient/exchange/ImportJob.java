package org.ventrack.patient.exchange;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A bulk import job as its owner sees it. Rows are CSV records or NDJSON lines; a row is rejected if any of its records
 * is, applied if any was applied (in a dry run: would be), unchanged otherwise. Records count each record of a row.
 *
 * @param rowsAwaitingPeers rows whose patient-service records are applied and whose assessments or drug levels wait to
 *                          be sent (state AWAITING_RESUME: resume the job with your token)
 * @param rejections        one entry per rejected record or unreadable row, by line (a page of them)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJob(UUID id, State state, String format, String recordType, boolean dryRun, long rowsTotal,
        long rowsDone, long rowsApplied, long rowsUnchanged, long rowsRejected, long rowsAwaitingPeers,
        Records records, String failure, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
        Rejections rejections) {

    public enum State {
        QUEUED, RUNNING,
        /** patient-service's rows are done; peer records wait for the owner's token (POST .../resume). */
        AWAITING_RESUME,
        SUCCEEDED, FAILED
    }

    public record Records(long applied, long unchanged, long rejected) {
    }

    /** A rejected record: the file line, the field (a CSV column or a document path) and the reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rejection(long line, String section, String key, String field, String reason, Integer peerStatus) {
    }

    public record Rejections(int page, int size, long total, List<Rejection> items) {
    }

    public ImportJob withRejections(Rejections page) {
        return new ImportJob(id, state, format, recordType, dryRun, rowsTotal, rowsDone, rowsApplied, rowsUnchanged,
                rowsRejected, rowsAwaitingPeers, records, failure, createdAt, startedAt, finishedAt, page);
    }
}
