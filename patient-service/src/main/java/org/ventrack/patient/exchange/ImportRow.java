package org.ventrack.patient.exchange;

/**
 * One row of an upload: a CSV record or an NDJSON line, as a patient document, or the reason it could not be read.
 *
 * @param line     the 1-based line of the file the row starts on
 * @param document the row as a document; null when the row could not be read
 * @param field    for an unreadable row: the column or property at fault
 * @param problem  for an unreadable row: what is wrong
 */
public record ImportRow(long line, PatientDocument document, String field, String problem) {

    public static ImportRow of(long line, PatientDocument document) {
        return new ImportRow(line, document, null, null);
    }

    public static ImportRow unreadable(long line, String field, String problem) {
        return new ImportRow(line, null, field, problem);
    }

    public boolean readable() {
        return document != null;
    }
}
