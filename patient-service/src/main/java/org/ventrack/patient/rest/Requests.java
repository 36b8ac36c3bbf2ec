package org.ventrack.patient.rest;

import org.ventrack.platform.problem.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.ventrack.patient.domain.Attribution;
import org.ventrack.patient.domain.ClinicalEventKind;
import org.ventrack.patient.domain.Conditioning;
import org.ventrack.patient.domain.DeathCause;
import org.ventrack.patient.domain.DonorType;
import org.ventrack.patient.domain.DoseBasis;
import org.ventrack.patient.domain.Regimen;

/** Request bodies of a patient's clinical record; dates are checked against the whole record by the timeline rules. */
public final class Requests {

    private Requests() {
    }

    public record Measurement(
            @NotNull LocalDate measuredOn,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("250") BigDecimal weightKg,
            @NotNull @DecimalMin("30") @DecimalMax("230") BigDecimal heightCm) {
    }

    public record TreatmentCourse(
            @NotNull LocalDate startDate,
            @NotNull Regimen regimen,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> partnerAgents,
            @NotNull @Min(1) @Max(56) Integer cycleLengthDays,
            @NotNull @Min(1) @Max(56) Integer activeDays,
            @NotNull DoseBasis doseBasis,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1200") BigDecimal dailyDoseMg,
            boolean rampUp,
            @DecimalMin("0") @DecimalMax("100") BigDecimal cyclesGiven,
            LocalDate endDate,
            @Size(max = 200) String endReason) {

        public void check() {
            Checks.that(activeDays <= cycleLengthDays, "activeDays", "must not exceed the cycle length")
                    .and(endDate == null || !endDate.isBefore(startDate), "endDate", "must not be before the start date")
                    .orFail();
        }

        /** Sets the course's fields to this request's (REST and imports). */
        public org.ventrack.patient.domain.TreatmentCourse applyTo(org.ventrack.patient.domain.TreatmentCourse c) {
            c.startDate = startDate;
            c.regimen = regimen;
            c.partnerAgents = partnerAgents == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(partnerAgents);
            c.cycleLengthDays = cycleLengthDays;
            c.activeDays = activeDays;
            c.doseBasis = doseBasis;
            c.dailyDoseMg = dailyDoseMg;
            c.rampUp = rampUp;
            c.cyclesGiven = cyclesGiven;
            c.endDate = endDate;
            c.endReason = endReason;
            return c;
        }
    }

    public record Comedication(
            @NotBlank @Size(max = 60) String drug,
            @NotNull LocalDate startDate,
            LocalDate endDate) {

        public void check() {
            Checks.that(endDate == null || !endDate.isBefore(startDate), "endDate", "must not be before the start date").orFail();
        }

        /** Sets the co-medication's fields to this request's, with the drug's CYP3A class (REST and imports). */
        public org.ventrack.patient.domain.Comedication applyTo(org.ventrack.patient.domain.Comedication c) {
            c.drug = drug.trim();
            c.cyp3aInhibition = org.ventrack.patient.domain.rules.Cyp3aInhibitors.classify(drug).inhibition();
            c.startDate = startDate;
            c.endDate = endDate;
            return c;
        }
    }

    /** HSCT needs donor and conditioning, DEATH its cause; other kinds take neither. */
    public record ClinicalEvent(
            @NotNull ClinicalEventKind kind,
            @NotNull LocalDate date,
            DonorType hsctDonor,
            Conditioning hsctConditioning,
            DeathCause deathCause) {

        public void check() {
            boolean hsct = kind == ClinicalEventKind.HSCT;
            Checks.that(hsct == (hsctDonor != null), "hsctDonor", "is required for an HSCT, and only for an HSCT")
                    .and(hsct == (hsctConditioning != null), "hsctConditioning", "is required for an HSCT, and only for an HSCT")
                    .and((kind == ClinicalEventKind.DEATH) == (deathCause != null), "deathCause",
                            "is required for a death, and only for a death")
                    .orFail();
        }

        /** Sets the event's fields to this request's (REST and imports). */
        public org.ventrack.patient.domain.ClinicalEvent applyTo(org.ventrack.patient.domain.ClinicalEvent e) {
            e.kind = kind;
            e.eventDate = date;
            e.hsctDonor = hsctDonor;
            e.hsctConditioning = hsctConditioning;
            e.deathCause = deathCause;
            return e;
        }
    }

    public record AdverseEvent(
            @NotBlank @Size(max = 120) String term,
            @NotNull @Min(1) @Max(5) Integer grade,
            @NotNull LocalDate onsetDate,
            boolean serious,
            @NotNull Attribution attribution) {
    }
}
