package org.ventrack.pk.domain.model;

import java.util.List;
import java.util.Objects;

import org.ventrack.pk.domain.Cyp3aClass;
import org.ventrack.pk.domain.dose.Formulation;

/**
 * What the individual estimate needs.
 *
 * @param covariates the patient's body size (and total protein if known)
 * @param observations steady-state concentrations; may be empty (the estimate is then the population value)
 * @param currentDailyDoseMg dose for the predicted profile
 * @param currentInhibitor CYP3A inhibitor class for the predicted profile and the dose for the target
 * @param targetTroughNgPerMl trough to reach, or null for no dose proposal
 * @param formulation rounding of the proposed dose
 */
public record EstimateRequest(Covariates covariates, List<PkObservation> observations, double currentDailyDoseMg,
        Cyp3aClass currentInhibitor, Double targetTroughNgPerMl, Formulation formulation) {

    public EstimateRequest {
        Objects.requireNonNull(covariates, "covariates");
        observations = observations == null ? List.of() : List.copyOf(observations);
        Objects.requireNonNull(currentInhibitor, "currentInhibitor");
        formulation = formulation == null ? Formulation.TABLET : formulation;
        if (!(currentDailyDoseMg > 0)) {
            throw new IllegalArgumentException("the current dose must be positive");
        }
    }
}
