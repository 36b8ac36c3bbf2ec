package org.ventrack.platform.events.patient;

import java.time.LocalDate;
import java.util.UUID;

/** The identity facts both {@link PatientRegistered} and {@link PatientUpdated} carry. */
public interface PatientIdentity {

    UUID patientId();

    String siteCode();

    String upn();

    Sex sex();

    LocalDate birthDate();

    String diagnosis();

    /** Labels of the genetic alterations; null in events written before they were carried. */
    java.util.List<String> geneticAlterations();

    LocalDate diagnosisDate();
}
