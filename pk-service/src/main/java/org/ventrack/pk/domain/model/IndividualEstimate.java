package org.ventrack.pk.domain.model;

import java.util.List;

/**
 * The Bayesian MAP estimate of one patient's venetoclax PK and what follows from it.
 *
 * @param clearance CL/F without inhibitor for the patient's covariates, L/h
 * @param volume V/F, L
 * @param objectiveValue the MAP objective (-2 log posterior up to a constant) at the optimum
 * @param objectiveEvaluations how many times the optimiser evaluated it
 * @param observationsUsed number of concentrations used
 * @param profile predicted steady-state concentrations over one dosing interval at the current dose and inhibitor
 * @param predictedTroughNgPerMl predicted concentration at the end of the interval
 * @param doseForTarget the daily dose predicted to reach the target trough, or null without a target
 * @param notes model caveats and how the estimate was obtained
 */
public record IndividualEstimate(EstimatedParameter clearance, EstimatedParameter volume, double objectiveValue,
        int objectiveEvaluations, int observationsUsed, List<ProfilePoint> profile, double predictedTroughNgPerMl,
        DoseForTarget doseForTarget, List<String> notes) {

    public IndividualEstimate {
        profile = List.copyOf(profile);
        notes = List.copyOf(notes);
    }

    /**
     * One individual parameter: its population (typical) value for the patient's covariates, the estimate
     * typical x exp(eta), the approximate standard error of eta from the inverse Hessian of the objective, the
     * delta-method standard error of the parameter (estimate x SE(eta)) and the 95 % interval
     * typical x exp(eta +/- 1.96 SE(eta)).
     */
    public record EstimatedParameter(String name, String unit, double typical, double estimate, double eta,
            double etaStandardError, double standardError, double lower95, double upper95) {
    }

    /** Predicted concentration {@code hoursAfterDose} after the dose, at steady state. */
    public record ProfilePoint(double hoursAfterDose, double concentrationNgPerMl) {
    }

    /**
     * The dose for a target trough under linear PK (the trough is proportional to the dose), exact and rounded to
     * what can be given, with the trough predicted at the rounded dose.
     */
    public record DoseForTarget(double targetTroughNgPerMl, double exactDoseMg, double roundedDoseMg,
            String administration, double predictedTroughAtRoundedDoseNgPerMl, String reason) {
    }
}
