package org.ventrack.platform.events.patient;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient entered the registry ({@code ventrack.patient.registered.v1}).
 *
 * @param diagnosis a code such as {@code RELAPSED_AML}; a string so that new codes do not break older consumers
 */
public record PatientRegistered(
        UUID patientId,
        String siteCode,
        String upn,
        Sex sex,
        LocalDate birthDate,
        String diagnosis,
        LocalDate diagnosisDate) implements PatientIdentity {
}
