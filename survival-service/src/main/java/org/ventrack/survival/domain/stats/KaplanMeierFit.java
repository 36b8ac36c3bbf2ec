package org.ventrack.survival.domain.stats;

import java.util.Arrays;

/**
 * A Kaplan-Meier curve, one entry per distinct observed time (R {@code summary(fit, censored = TRUE)}).
 * Arrays are shared, not copied: treat them as read-only.
 *
 * @param n            subjects
 * @param time         distinct times, ascending (censor-only times included)
 * @param nRisk        at risk just before each time (censored at that time included)
 * @param nEvent       events at each time
 * @param nCensor      censorings at each time
 * @param surv         S(t)
 * @param stdErr       standard error of S(t), S · sqrt(Greenwood sum), as R's {@code summary.survfit} reports it;
 *                     NaN once S = 0 (R: NaN)
 * @param cumHazStdErr standard error of the cumulative hazard -log S(t), sqrt(Σ d/(n(n-d))), as R's
 *                     {@code fit$std.err}; +∞ once S = 0
 * @param lower        lower confidence bound; NaN where R gives NA
 * @param upper        upper confidence bound; NaN where R gives NA
 */
public record KaplanMeierFit(int n, double[] time, int[] nRisk, int[] nEvent, int[] nCensor, double[] surv,
                             double[] stdErr, double[] cumHazStdErr, double[] lower, double[] upper,
                             ConfType confType, double confLevel) {

    /** Number of steps (distinct times). */
    public int size() {
        return time.length;
    }

    /**
     * The curve at the requested times, as R {@code summary(fit, times = times)} (extend = FALSE): times are sorted,
     * those after the last observed time are dropped; surv, its standard error and bounds are carried forward from the
     * last step at or before each time (1, 0, 1, 1 before the first); nRisk is the number at risk at the first step at
     * or after the time; nEvent and nCensor count what happened since the previous requested time.
     */
    public SurvivalAtTimes at(double... times) {
        double[] requested = Arrays.stream(times).filter(Double::isFinite).sorted().toArray();
        double last = time.length == 0 ? Double.NEGATIVE_INFINITY : time[time.length - 1];
        int kept = 0;
        while (kept < requested.length && requested[kept] <= last) kept++;
        requested = Arrays.copyOf(requested, kept);

        int[] risk = new int[kept];
        int[] events = new int[kept];
        int[] censors = new int[kept];
        double[] s = new double[kept];
        double[] se = new double[kept];
        double[] lo = new double[kept];
        double[] hi = new double[kept];
        int step = 0;           // steps with time <= requested time consumed so far
        int eventsSince = 0;
        int censorsSince = 0;
        for (int k = 0; k < kept; k++) {
            double t = requested[k];
            while (step < time.length && time[step] <= t) {
                eventsSince += nEvent[step];
                censorsSince += nCensor[step];
                step++;
            }
            events[k] = eventsSince;
            censors[k] = censorsSince;
            eventsSince = 0;
            censorsSince = 0;
            // R's survfit0 prepends a row at time 0 (unless a step is at 0): surv 1, std.err 0, bounds 1
            int row = step == 0 && time.length > 0 && time[0] == 0 ? 0 : step - 1;
            if (row < 0) {
                s[k] = 1;
                se[k] = 0;
                lo[k] = 1;
                hi[k] = 1;
            } else {
                s[k] = surv[row];
                se[k] = stdErr[row];
                lo[k] = lower[row];
                hi[k] = upper[row];
            }
            int firstAtOrAfter = (step > 0 && time[step - 1] == t) ? step - 1 : step;
            risk[k] = firstAtOrAfter < time.length ? nRisk[firstAtOrAfter] : 0;
        }
        return new SurvivalAtTimes(requested, risk, events, censors, s, se, lo, hi);
    }

    /** The median survival time with its confidence interval; see {@link #quantiles}. */
    public QuantileEstimate median() {
        return quantiles(0.5)[0];
    }

    /**
     * Quantiles of the survival time as R {@code quantile(fit, probs)} (which {@code print.survfit} uses for the
     * median): the p-quantile is the first time at which 1 - S reaches p; when 1 - S equals p (within
     * sqrt(machine epsilon)) on a flat stretch, the midpoint of that stretch (up to the last time if the curve ends
     * flat there). The confidence limits are the same quantiles of the lower and upper curves. NaN when not reached.
     */
    public QuantileEstimate[] quantiles(double... probs) {
        SurvivalQuantiles estimate = new SurvivalQuantiles(time);
        double[] q = estimate.find(surv, probs);
        double[] qLower = estimate.find(lower, probs);
        double[] qUpper = estimate.find(upper, probs);
        QuantileEstimate[] result = new QuantileEstimate[probs.length];
        for (int i = 0; i < probs.length; i++) {
            result[i] = new QuantileEstimate(probs[i], q[i], qLower[i], qUpper[i]);
        }
        return result;
    }
}
