package org.ventrack.survival.domain.stats;

/**
 * A survival curve read at chosen times, as R {@code summary(fit, times = ...)}; see {@link KaplanMeierFit#at}.
 *
 * @param time    the requested times that were kept, ascending
 * @param nRisk   at risk at each time
 * @param nEvent  events since the previous requested time (from the start for the first)
 * @param nCensor censorings since the previous requested time
 * @param surv    S(t), carried forward
 * @param stdErr  standard error of S(t) (summary's)
 * @param lower   lower bound (NaN for R's NA)
 * @param upper   upper bound (NaN for R's NA)
 */
public record SurvivalAtTimes(double[] time, int[] nRisk, int[] nEvent, int[] nCensor, double[] surv,
                              double[] stdErr, double[] lower, double[] upper) {
}
