package org.ventrack.platform.events.patient;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An adverse event (REST view and {@code adverse-event-*} payload).
 *
 * @param term    CTCAE v5.0 term
 * @param regimen the regimen running at onset, or null before venetoclax
 */
public record AdverseEventRecord(UUID id, UUID patientId, String term, int grade, LocalDate onsetDate, boolean serious,
        String attribution, String regimen, long version) {
}
