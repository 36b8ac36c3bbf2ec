package org.ventrack.platform.events.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A patient entered the registry ({@code ventrack.patient.registered.v1}).
 *
 * @param diagnosis a code such as {@code RELAPSED_AML}; a string so that new codes do not break older consumers
 * @param geneticAlterations the labels of the alterations, e.g. {@code KMT2A t(9;11)}; absent from older events
 */
public record PatientRegistered(
        UUID patientId,
        String siteCode,
        String upn,
        Sex sex,
        LocalDate birthDate,
        String diagnosis,
        LocalDate diagnosisDate,
        List<String> geneticAlterations) implements PatientIdentity {
}
