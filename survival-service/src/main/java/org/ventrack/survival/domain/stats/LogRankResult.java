package org.ventrack.survival.domain.stats;

/**
 * Result of a k-group log-rank test, the fields of R {@code survdiff}.
 *
 * @param n                subjects per group
 * @param observed         observed events per group ({@code obs})
 * @param expected         expected events per group under equal hazards ({@code exp})
 * @param variance         k × k hypergeometric covariance of observed - expected ({@code var})
 * @param chiSquare        (O - E)' V⁻ (O - E) ({@code chisq})
 * @param degreesOfFreedom groups with expected > 0, minus 1
 * @param pValue           upper tail of chi-square with those degrees of freedom ({@code pchisq(chisq, df,
 *                         lower.tail = FALSE)})
 */
public record LogRankResult(int[] n, int[] observed, double[] expected, double[][] variance, double chiSquare,
                            int degreesOfFreedom, double pValue) {
}
