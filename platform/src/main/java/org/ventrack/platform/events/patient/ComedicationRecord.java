package org.ventrack.platform.events.patient;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A co-medication (REST view and {@code comedication-*} payload).
 *
 * @param cyp3aInhibition STRONG, MODERATE or NONE, from patient-service's maintained inhibitor list
 */
public record ComedicationRecord(UUID id, UUID patientId, String drug, String cyp3aInhibition, LocalDate startDate,
        LocalDate endDate, long version) {
}
