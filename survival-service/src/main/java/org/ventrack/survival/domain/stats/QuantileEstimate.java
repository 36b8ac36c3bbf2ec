package org.ventrack.survival.domain.stats;

/**
 * A quantile of the survival (or follow-up) time with its confidence interval, as one column of R
 * {@code quantile(fit, probs)}. NaN (R's NA) where the curve, or the confidence curve, never gets that low.
 *
 * @param probability p, e.g. 0.5 for the median
 * @param time        first time at which 1 - S(t) reaches p (midpoint of a flat stretch at exactly p)
 * @param lower       the same quantile of the lower confidence curve
 * @param upper       the same quantile of the upper confidence curve
 */
public record QuantileEstimate(double probability, double time, double lower, double upper) {

    public boolean reached() {
        return !Double.isNaN(time);
    }
}
