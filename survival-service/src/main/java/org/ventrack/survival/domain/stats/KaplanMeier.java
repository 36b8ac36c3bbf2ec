package org.ventrack.survival.domain.stats;

/**
 * Kaplan-Meier estimator equal to R {@code survfit(Surv(time, status) ~ 1, conf.type = ..., conf.int = ...)} of the
 * survival package (3.x), with Greenwood's variance.
 *
 * <p>One step per distinct observed time, censor-only times included (as {@code fit$time}). At a time with both deaths
 * and censorings the censored subjects are still at risk (R convention). With n at risk and d deaths:
 * S = Π (n - d)/n, and the standard error of the cumulative hazard (R {@code fit$std.err}) is
 * sqrt(Σ d / (n (n - d))), which is infinite once S = 0.
 *
 * <p>Not reproduced: R's {@code timefix} (aeqSurv) merging of times that differ only by floating-point noise; times are
 * grouped only when exactly equal.
 */
public final class KaplanMeier {

    private KaplanMeier() {
    }

    /** R defaults: log confidence interval, 95 %. */
    public static KaplanMeierFit fit(double[] times, boolean[] events) {
        return fit(times, events, ConfType.LOG, 0.95);
    }

    /**
     * @param times     follow-up times, finite and >= 0
     * @param events    true = event (death), false = censored
     */
    public static KaplanMeierFit fit(double[] times, boolean[] events, ConfType confType, double confLevel) {
        return fromTable(EventTable.ofEvents(times, events), times.length, confType, confLevel);
    }

    static KaplanMeierFit fromTable(EventTable table, int n, ConfType confType, double confLevel) {
        double z = Distributions.zForConfidence(confLevel);
        int size = table.size;
        int[] censored = table.count[0];
        int[] died = table.count[1];
        double[] time = new double[size];
        int[] nRisk = new int[size];
        int[] nEvent = new int[size];
        int[] nCensor = new int[size];
        double[] surv = new double[size];
        double[] stdErr = new double[size];
        double[] cumHazStdErr = new double[size];
        double[] lower = new double[size];
        double[] upper = new double[size];
        int atRisk = n;
        double s = 1;
        double greenwood = 0;
        for (int i = 0; i < size; i++) {
            int d = died[i];
            if (d > 0) {
                s *= (atRisk - d) / (double) atRisk;
                greenwood = (d == atRisk) ? Double.POSITIVE_INFINITY : greenwood + d / ((double) atRisk * (atRisk - d));
            }
            double se = Math.sqrt(greenwood);
            time[i] = table.time[i];
            nRisk[i] = atRisk;
            nEvent[i] = d;
            nCensor[i] = censored[i];
            surv[i] = s;
            cumHazStdErr[i] = se;
            stdErr[i] = s * se; // 0 · ∞ = NaN once S = 0, as R's summary reports it
            lower[i] = confType.lower(s, se, z);
            upper[i] = confType.upper(s, se, z);
            atRisk -= d + censored[i];
        }
        return new KaplanMeierFit(n, time, nRisk, nEvent, nCensor, surv, stdErr, cumHazStdErr, lower, upper,
                confType, confLevel);
    }
}
