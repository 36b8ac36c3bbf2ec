package org.ventrack.response.domain.rates;

/**
 * x of n, with the exact Clopper-Pearson confidence interval. Rate and bounds are proportions (0-1), null when
 * there is no patient to count.
 */
public record Rate(int count, int n, Double rate, Double lower, Double upper, double confLevel) {

    public static Rate of(int count, int n, double confLevel) {
        if (n == 0) {
            return new Rate(0, 0, null, null, null, confLevel);
        }
        double[] ci = ClopperPearson.interval(count, n, confLevel);
        return new Rate(count, n, (double) count / n, ci[0], ci[1], confLevel);
    }
}
