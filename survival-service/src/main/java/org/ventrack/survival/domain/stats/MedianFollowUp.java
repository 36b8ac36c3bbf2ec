package org.ventrack.survival.domain.stats;

/**
 * Median follow-up by the reverse Kaplan-Meier method: the median of R
 * {@code survfit(Surv(time, 1 - status) ~ 1)} (censoring treated as the event, deaths as censored), with its 95 % log
 * confidence interval by R's quantile rule, plus the range of all follow-up times.
 *
 * @param median  median follow-up; NaN if the reverse curve never reaches 0.5
 * @param lower   lower 95 % confidence limit (NaN if not reached)
 * @param upper   upper 95 % confidence limit (NaN if not reached)
 * @param minTime shortest follow-up time of any subject
 * @param maxTime longest follow-up time of any subject
 * @param observedMedian the median of all subjects' follow-up times, dead or alive (R {@code median(time)}): what
 *                       case series such as the founding paper report as "median follow-up"; it is shorter than
 *                       the reverse Kaplan-Meier median when most subjects died
 */
public record MedianFollowUp(double median, double lower, double upper, double minTime, double maxTime,
        double observedMedian) {

    public static MedianFollowUp of(double[] times, boolean[] events) {
        if (times.length == 0) {
            throw new IllegalArgumentException("no subjects");
        }
        boolean[] censored = new boolean[events.length];
        for (int i = 0; i < events.length; i++) {
            censored[i] = !events[i];
        }
        QuantileEstimate median = KaplanMeier.fit(times, censored, ConfType.LOG, 0.95).median();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double t : times) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        double[] sorted = times.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double observed = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new MedianFollowUp(median.time(), median.lower(), median.upper(), min, max, observed);
    }
}
