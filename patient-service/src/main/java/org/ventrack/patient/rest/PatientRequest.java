package org.ventrack.patient.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;

import org.ventrack.patient.domain.Diagnosis;
import org.ventrack.platform.events.patient.Sex;

/**
 * A patient to register, or the corrected state of a registered one. Pseudonymised: the UPN is the study's patient
 * number within the site; there is no field for a name or a national identifier.
 */
public record PatientRequest(
        @NotBlank String siteCode,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,32}", message = "must be 1-32 letters, digits, '.', '_' or '-'") String upn,
        @NotNull Sex sex,
        @NotNull @PastOrPresent LocalDate birthDate,
        @NotNull Diagnosis diagnosis,
        @PastOrPresent LocalDate diagnosisDate) {
}
