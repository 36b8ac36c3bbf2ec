package org.ventrack.response.domain.rates;

import org.apache.commons.math3.special.Beta;

/**
 * The exact (Clopper-Pearson) confidence interval of a binomial proportion, as R's {@code binom.test}:
 * lower = qbeta(alpha/2, x, n - x + 1), upper = qbeta(1 - alpha/2, x + 1, n - x), with lower 0 when x = 0 and upper
 * 1 when x = n. The beta quantiles are found by bisection on the regularized incomplete beta function, to 1e-15.
 */
public final class ClopperPearson {

    private static final int BISECTIONS = 60;

    private ClopperPearson() {
    }

    /** @return {lower, upper} */
    public static double[] interval(int x, int n, double confLevel) {
        if (n <= 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= x <= n and n > 0, got x = " + x + ", n = " + n);
        }
        if (!(confLevel > 0 && confLevel < 1)) {
            throw new IllegalArgumentException("confLevel must lie in (0, 1), got " + confLevel);
        }
        double alpha = 1 - confLevel;
        double lower = x == 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1);
        double upper = x == n ? 1 : betaQuantile(1 - alpha / 2, x + 1, n - x);
        return new double[] { lower, upper };
    }

    static double betaQuantile(double p, double a, double b) {
        double low = 0;
        double high = 1;
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = (low + high) / 2;
            if (Beta.regularizedBeta(mid, a, b, 1e-16, 10_000) < p) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }
}
