package org.ventrack.patient.rest;

import org.ventrack.platform.problem.Checks;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.ventrack.patient.domain.Diagnosis;
import org.ventrack.patient.domain.GeneticAlteration;
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
        @PastOrPresent LocalDate diagnosisDate,
        @Min(0) @Max(10) Integer priorRelapses,
        @Min(0) @Max(20) Integer priorLines,
        boolean priorHsct,
        @PastOrPresent LocalDate priorHsctDate,
        @Min(1) @Max(3) Integer cnsStatus,
        @Size(max = 10) List<@NotBlank @Size(max = 40) String> extramedullarySites,
        @Size(max = 20) List<@NotNull @Valid GeneticAlteration> geneticAlterations) {

    public void check() {
        Checks.that(diagnosisDate == null || !diagnosisDate.isBefore(birthDate), "diagnosisDate", "must not be before the birth date")
                .and(priorHsct || priorHsctDate == null, "priorHsctDate", "only for a patient with a prior HSCT")
                .and(priorHsctDate == null || !priorHsctDate.isBefore(birthDate), "priorHsctDate", "must not be before the birth date")
                .orFail();
    }

    /** Sets the patient's fields to this request's (the REST API's registration and correction, and imports). */
    public void applyTo(org.ventrack.patient.domain.Patient patient) {
        patient.siteCode = siteCode;
        patient.upn = upn;
        patient.sex = sex;
        patient.birthDate = birthDate;
        patient.diagnosis = diagnosis;
        patient.diagnosisDate = diagnosisDate;
        patient.priorRelapses = priorRelapses == null ? 0 : priorRelapses;
        patient.priorLines = priorLines;
        patient.priorHsct = priorHsct;
        patient.priorHsctDate = priorHsctDate;
        patient.cnsStatus = cnsStatus;
        patient.extramedullarySites = extramedullarySites == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(extramedullarySites);
        patient.geneticAlterations = geneticAlterations == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(geneticAlterations);
    }
}
