package org.ventrack.platform.events.patient;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A dated clinical event (REST view and {@code clinical-event-*} payload).
 *
 * @param kind HSCT, RELAPSE, PROGRESSION, DEATH or LAST_FOLLOW_UP (alive on that date)
 */
public record ClinicalEventRecord(UUID id, UUID patientId, String kind, LocalDate date, String hsctDonor,
        String hsctConditioning, String deathCause, long version) {
}
