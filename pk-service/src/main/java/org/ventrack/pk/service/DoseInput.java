package org.ventrack.pk.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.ventrack.platform.problem.Checks;
import org.ventrack.pk.domain.Cyp3aClass;
import org.ventrack.pk.domain.dose.Formulation;

/**
 * A dose question: either a patient known here (age, latest weight and height, co-medications come from the read
 * model; values given here override them) or the values themselves.
 *
 * @param rampUpDay day 1, 2, ... of the cycle-1 ramp-up; absent for the maintenance dose
 */
public record DoseInput(
        UUID patientId,
        LocalDate date,
        @DecimalMin("0") @DecimalMax("30") Double ageYears,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("250") Double weightKg,
        @DecimalMin("30") @DecimalMax("230") Double heightCm,
        @Min(1) @Max(28) Integer rampUpDay,
        @Valid List<CoMedicationInput> coMedications,
        Formulation formulation,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1200") Double previousDoseMg) {

    /** A co-medication named in the question. */
    public record CoMedicationInput(@NotBlank String name, @NotNull Cyp3aClass cyp3a, boolean pgpInhibitor,
            @NotNull LocalDate start, LocalDate end) {
    }

    public void check() {
        Checks.that(patientId != null || ageYears != null, "ageYears", "is required without a patientId")
                .and(patientId != null || weightKg != null, "weightKg", "is required without a patientId")
                .and(patientId != null || heightCm != null, "heightCm", "is required without a patientId")
                .orFail();
    }
}
