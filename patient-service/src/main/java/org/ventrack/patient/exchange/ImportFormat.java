package org.ventrack.patient.exchange;

import java.util.Iterator;

/**
 * A file format {@code POST /api/v1/imports} reads, chosen by the upload's media type. NDJSON and CSV are here; FHIR
 * Bundles plug in the same way: a CDI bean implementing this interface that maps the Bundle to patient documents
 * (one row per document; {@code line} is then the position of the document).
 */
public interface ImportFormat {

    /** Its name in a job resource, e.g. {@code NDJSON}. */
    String name();

    /** Whether it reads uploads of this media type (without parameters, lower case). */
    boolean reads(String mediaType);

    /**
     * Checks what can be checked of the whole file before a job is created (header, record type, syntax that makes
     * every row unreadable) and returns the number of rows.
     *
     * @param recordType the {@code type} query parameter (CSV), or null
     * @throws org.ventrack.platform.problem.ProblemException a 400 problem for a whole-file problem
     */
    long check(String text, String recordType);

    /** The rows in file order; the same text and type always give the same rows (a resumed job skips the done ones). */
    Iterator<ImportRow> rows(String text, String recordType);
}
