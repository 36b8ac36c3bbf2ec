package org.ventrack.platform.events.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The patient's record after a correction ({@code ventrack.patient.updated.v1}): the full new state, not a diff. */
public record PatientUpdated(
        UUID patientId,
        String siteCode,
        String upn,
        Sex sex,
        LocalDate birthDate,
        String diagnosis,
        LocalDate diagnosisDate,
        long version,
        List<String> geneticAlterations) implements PatientIdentity {
}
