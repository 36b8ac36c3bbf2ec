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

    LocalDate diagnosisDate();
}
