package org.ventrack.survival.domain.stats;

/**
 * Scale on which a pointwise confidence interval for a survival (or state) probability is built; the names and
 * formulas are those of R {@code survival:::survfit_confint} ({@code conf.type = "log"}, {@code "log-log"},
 * {@code "plain"}). Bounds that R reports as {@code NA} are {@link Double#NaN} here.
 */
public enum ConfType {
    /** R default: exp(log(S) ± z·se), upper clipped to 1; NaN when S = 0. */
    LOG,
    /** exp(-exp(log(-log S) ∓ z·se/log S)); NaN when S = 0 or S = 1. */
    LOG_LOG,
    /** S ± z·S·se clipped to [0, 1]; NaN when se is infinite (S = 0 after the last subject died). */
    PLAIN;

    /**
     * Lower bound as R computes it.
     *
     * @param p    the estimate
     * @param se   its standard error on the log scale (se of log p, i.e. of the cumulative hazard for Kaplan-Meier)
     * @param z    the normal quantile
     */
    double lower(double p, double se, double z) {
        return switch (this) {
            case LOG -> p == 0 ? Double.NaN : p * Math.exp(-z * se);
            case LOG_LOG -> p == 0 || p == 1 ? Double.NaN : Math.exp(-Math.exp(Math.log(-Math.log(p)) - z * se / Math.log(p)));
            case PLAIN -> Double.isInfinite(se) ? Double.NaN : Math.max(p - z * se * p, 0);
        };
    }

    /** Upper bound as R computes it; see {@link #lower}. */
    double upper(double p, double se, double z) {
        return switch (this) {
            case LOG -> p == 0 ? Double.NaN : Math.min(p * Math.exp(z * se), 1);
            case LOG_LOG -> p == 0 || p == 1 ? Double.NaN : Math.exp(-Math.exp(Math.log(-Math.log(p)) + z * se / Math.log(p)));
            case PLAIN -> Double.isInfinite(se) ? Double.NaN : Math.min(p + z * se * p, 1);
        };
    }
}
