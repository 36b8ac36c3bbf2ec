package org.ventrack.platform.patients;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a consuming service knows of a patient from patient-service's events.
 *
 * @param eventsApplied      how many of this patient's events the service has applied (each exactly once)
 * @param geneticAlterations labels of the patient's genetic alterations, e.g. {@code KMT2A t(9;11)}
 */
public record PatientFactsView(
        UUID patientId,
        String siteCode,
        String upn,
        String sex,
        LocalDate birthDate,
        String diagnosis,
        LocalDate diagnosisDate,
        int eventsApplied,
        UUID lastEventId,
        OffsetDateTime lastEventTime,
        List<String> geneticAlterations) {
}
