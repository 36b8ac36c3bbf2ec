package org.ventrack.pk.domain.model;

import java.util.List;

import org.ventrack.pk.domain.Cyp3aClass;

/**
 * The MAP objective of one patient, -2 log posterior up to a constant, as a function of eta = (eta_CL, eta_V):
 *
 * <pre>
 * OBJ(eta) = sum_i [ (y_i - f_i(eta))^2 / var_i(eta) + ln var_i(eta) ] + eta_CL^2 / omega_CL^2 + eta_V^2 / omega_V^2
 * </pre>
 * with f_i the steady-state prediction of observation i and var_i the residual variance at f_i. A prediction whose
 * residual variance vanishes (a purely proportional error and a prediction of 0) makes the objective infinite.
 */
public final class MapObjective {

    private final PopPkModel model;
    private final double typicalClearance;
    private final double typicalVolume;
    private final List<PkObservation> observations;

    public MapObjective(PopPkModel model, Covariates covariates, List<PkObservation> observations) {
        this.model = model;
        this.typicalClearance = model.typicalClearance(covariates);
        this.typicalVolume = model.typicalVolume(covariates);
        this.observations = List.copyOf(observations);
    }

    public double value(double etaClearance, double etaVolume) {
        double sum = etaClearance * etaClearance / model.omegaSquaredClearance()
                + etaVolume * etaVolume / model.omegaSquaredVolume();
        for (PkObservation observation : observations) {
            double predicted = predict(observation.dailyDoseMg(), observation.inhibitor(), observation.hoursAfterDose(),
                    etaClearance, etaVolume);
            double variance = model.residualVariance(predicted);
            if (!(variance > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            double residual = observation.concentrationNgPerMl() - predicted;
            sum += residual * residual / variance + Math.log(variance);
        }
        return sum;
    }

    public double value(double[] eta) {
        return value(eta[0], eta[1]);
    }

    /** Individual CL/F without inhibitor. */
    public double clearance(double etaClearance) {
        return typicalClearance * Math.exp(etaClearance);
    }

    public double volume(double etaVolume) {
        return typicalVolume * Math.exp(etaVolume);
    }

    public double predict(double doseMg, Cyp3aClass inhibitor, double hoursAfterDose,
            double etaClearance, double etaVolume) {
        return SteadyState.concentration(doseMg, clearance(etaClearance) * model.inhibitorFactor(inhibitor),
                volume(etaVolume), model.absorptionRatePerHour(), model.lagTimeHours(), model.dosingIntervalHours(),
                hoursAfterDose);
    }
}
