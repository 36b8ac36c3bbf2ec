package org.ventrack.pk.domain.model;

/**
 * Steady-state concentration of a one-compartment model with first-order absorption and lag under repeated doses
 * every tau hours, by the closed form of the superposition of all past doses:
 *
 * <pre>
 * C(t) = 1000 D ka / (V (ka - k)) [exp(-k t') / (1 - exp(-k tau)) - exp(-ka t') / (1 - exp(-ka tau))]
 * t'   = t - lag if t >= lag, else t - lag + tau (the last dose is not yet absorbed)
 * </pre>
 * with t the hours since the last dose (t beyond tau: the next dose was not taken), k = CL/V, D in mg, V in L, C in
 * ng/mL.
 */
public final class SteadyState {

    private SteadyState() {
    }

    public static double concentration(double doseMg, double clearanceLPerHour, double volumeL,
            double absorptionRatePerHour, double lagTimeHours, double tauHours, double hoursAfterDose) {
        double k = clearanceLPerHour / volumeL;
        double ka = absorptionRatePerHour;
        if (Math.abs(ka - k) < 1e-9 * ka) {
            ka = ka * (1 + 1e-6); // the closed form is 0/0 when ka == k; a tiny shift gives its limit
        }
        double t = hoursAfterDose >= lagTimeHours ? hoursAfterDose - lagTimeHours
                : hoursAfterDose - lagTimeHours + tauHours;
        double scale = 1000.0 * doseMg * ka / (volumeL * (ka - k));
        return scale * (Math.exp(-k * t) / (1 - Math.exp(-k * tauHours))
                - Math.exp(-ka * t) / (1 - Math.exp(-ka * tauHours)));
    }
}
