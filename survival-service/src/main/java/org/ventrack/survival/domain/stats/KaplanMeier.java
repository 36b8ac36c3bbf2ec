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
        int[] nCensor = table.count[0];
        int[] nEvent = table.count[1];
        int[] nRisk = new int[size];
        double[] surv = new double[size];
        double[] cumHazStdErr = new double[size];
        int atRisk = n;
        double s = 1;
        double greenwood = 0;
        for (int i = 0; i < size; i++) {
            int d = nEvent[i];
            if (d > 0) {
                s *= (atRisk - d) / (double) atRisk;
                greenwood = (d == atRisk) ? Double.POSITIVE_INFINITY : greenwood + d / ((double) atRisk * (atRisk - d));
            }
            nRisk[i] = atRisk;
            surv[i] = s;
            cumHazStdErr[i] = greenwood; // square root taken below
            atRisk -= d + nCensor[i];
        }
        double[] stdErr = new double[size];
        double[] lower = new double[size];
        double[] upper = new double[size];
        int half = size / 2;
        TwoThreads.run(size >= EventTable.PARALLEL_THRESHOLD,
                () -> confidenceBounds(0, half, surv, cumHazStdErr, stdErr, lower, upper, confType, z),
                () -> confidenceBounds(half, size, surv, cumHazStdErr, stdErr, lower, upper, confType, z));
        return new KaplanMeierFit(n, table.time, nRisk, nEvent, nCensor, surv, stdErr, cumHazStdErr, lower, upper,
                confType, confLevel);
    }

    private static void confidenceBounds(int from, int to, double[] surv, double[] cumHazStdErr, double[] stdErr,
                                         double[] lower, double[] upper, ConfType confType, double z) {
        for (int i = from; i < to; i++) {
            double s = surv[i];
            double se = Math.sqrt(cumHazStdErr[i]);
            cumHazStdErr[i] = se;
            stdErr[i] = s * se; // 0 · ∞ = NaN once S = 0, as R's summary reports it
            if (confType == ConfType.LOG) {
                // R: exp(log(S) ± z·se); S · exp(±z·se) is the same to rounding and needs one exp
                double factor = Math.exp(z * se);
                lower[i] = s == 0 ? Double.NaN : s / factor;
                upper[i] = s == 0 ? Double.NaN : Math.min(s * factor, 1);
            } else {
                lower[i] = confType.lower(s, se, z);
                upper[i] = confType.upper(s, se, z);
            }
        }
    }
}
