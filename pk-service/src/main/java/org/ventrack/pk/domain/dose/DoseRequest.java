package org.ventrack.pk.domain.dose;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.ventrack.pk.domain.CoMedication;

/**
 * What the dose rules need.
 *
 * @param date the day the dose is for (inhibitors are looked at on this day)
 * @param age age on that day
 * @param weightKg body weight
 * @param heightCm height
 * @param phase ramp-up day of cycle 1 or maintenance
 * @param coMedications co-medications with CYP3A class, P-gp flag and dates; an inhibitor's end date is its stop date
 * @param formulation tablets or oral suspension
 * @param previousDoseMg the dose given before the inhibitor was started, resumed once its effect is over; may be null
 */
public record DoseRequest(LocalDate date, Age age, double weightKg, double heightCm, DosePhase phase,
        List<CoMedication> coMedications, Formulation formulation, Double previousDoseMg) {

    public DoseRequest {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(phase, "phase");
        coMedications = coMedications == null ? List.of() : List.copyOf(coMedications);
        formulation = formulation == null ? Formulation.TABLET : formulation;
    }

    /** Maintenance with tablets, no co-medication. */
    public static DoseRequest maintenance(LocalDate date, Age age, double weightKg, double heightCm) {
        return new DoseRequest(date, age, weightKg, heightCm, DosePhase.maintenance(), List.of(), Formulation.TABLET,
                null);
    }

    public DoseRequest withPhase(DosePhase newPhase) {
        return new DoseRequest(date, age, weightKg, heightCm, newPhase, coMedications, formulation, previousDoseMg);
    }

    public DoseRequest withCoMedications(List<CoMedication> newCoMedications, Double newPreviousDoseMg) {
        return new DoseRequest(date, age, weightKg, heightCm, phase, newCoMedications, formulation, newPreviousDoseMg);
    }

    public DoseRequest withFormulation(Formulation newFormulation) {
        return new DoseRequest(date, age, weightKg, heightCm, phase, coMedications, newFormulation, previousDoseMg);
    }
}
