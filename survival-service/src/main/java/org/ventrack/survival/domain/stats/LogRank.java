package org.ventrack.survival.domain.stats;

/**
 * Log-rank test for k groups equal to R {@code survdiff(Surv(time, status) ~ group)} (rho = 0) of the survival package.
 *
 * <p>At each distinct time with d deaths among n at risk (n_j in group j): E_j += d n_j / n and, when n > 1,
 * V_jl += d (n - d) / (n - 1) · (n_j / n) (δ_jl - n_l / n). As survdiff, groups with expected = 0 are left out, then
 * the first remaining group is dropped (this is the generalized inverse of the singular V) and
 * chi-square = (O - E)' V⁻¹ (O - E) on the rest. Fewer than two groups with expected > 0 give chi-square 0.
 */
public final class LogRank {

    private LogRank() {
    }

    /**
     * @param times  follow-up times, finite and >= 0
     * @param events true = event
     * @param groups group of each subject, coded 0 .. k-1 (k = largest code + 1, at most 63); a code with no
     *               subjects is reported with n = 0 and, like any group with expected = 0, left out of the test
     *               (R would not list it at all)
     */
    public static LogRankResult test(double[] times, boolean[] events, int[] groups) {
        int k = 0;
        for (int g : groups) k = Math.max(k, g + 1);
        EventTable table = EventTable.ofGroups(times, events, groups, k);

        int[] n = new int[k];
        int[] atRisk = new int[k];
        for (int g = 0; g < k; g++) {
            n[g] = table.total[2 * g] + table.total[2 * g + 1];
            atRisk[g] = n[g];
        }
        // the sums are additive over times, so two threads each take half of the times; the second starts from the
        // numbers at risk left after the first half
        int split = table.size / 2;
        int[] atRiskAtSplit = atRisk.clone();
        for (int g = 0; g < k; g++) {
            for (int i = 0; i < split; i++) {
                atRiskAtSplit[g] -= table.count[2 * g][i] + table.count[2 * g + 1][i];
            }
        }
        Sums first = new Sums(k);
        Sums second = new Sums(k);
        TwoThreads.run(table.size >= EventTable.PARALLEL_THRESHOLD,
                () -> first.accumulate(table.count, 0, split, atRisk),
                () -> second.accumulate(table.count, split, table.size, atRiskAtSplit));
        int[] observed = new int[k];
        double[] expected = new double[k];
        double[] covariance = new double[k * k];
        for (int g = 0; g < k; g++) {
            observed[g] = first.observed[g] + second.observed[g];
            expected[g] = first.expected[g] + second.expected[g];
        }
        for (int c = 0; c < k * k; c++) {
            covariance[c] = first.covariance[c] + second.covariance[c];
        }
        double[][] variance = new double[k][];
        for (int g = 0; g < k; g++) {
            variance[g] = java.util.Arrays.copyOfRange(covariance, g * k, (g + 1) * k);
        }

        int used = 0;
        int[] usedGroups = new int[k];
        for (int g = 0; g < k; g++) {
            if (expected[g] > 0) usedGroups[used++] = g;
        }
        double chiSquare = 0;
        if (used >= 2) {
            int m = used - 1;
            double[][] v = new double[m][m];
            double[] diff = new double[m];
            for (int a = 0; a < m; a++) {
                int g = usedGroups[a + 1];
                diff[a] = observed[g] - expected[g];
                for (int b = 0; b < m; b++) {
                    v[a][b] = variance[g][usedGroups[b + 1]];
                }
            }
            double[] solution = LinearAlgebra.solve(v, diff);
            for (int a = 0; a < m; a++) {
                chiSquare += solution[a] * diff[a];
            }
        }
        int df = used - 1;
        return new LogRankResult(n, observed, expected, variance, chiSquare, Math.max(df, 0),
                Distributions.chiSquaredUpperTail(chiSquare, Math.max(df, 0)));
    }

    /** Observed, expected and covariance summed over a range of distinct times. */
    private static final class Sums {
        final int k;
        final int[] observed;
        final double[] expected;
        final double[] covariance; // row-major k × k

        Sums(int k) {
            this.k = k;
            observed = new int[k];
            expected = new double[k];
            covariance = new double[k * k];
        }

        void accumulate(int[][] count, int from, int to, int[] atRiskAtStart) {
            int[] atRisk = atRiskAtStart.clone();
            int totalAtRisk = 0;
            for (int n : atRisk) totalAtRisk += n;
            double[] share = new double[k];
            for (int i = from; i < to; i++) {
                int deaths = 0;
                for (int g = 0; g < k; g++) {
                    deaths += count[2 * g + 1][i];
                }
                if (deaths > 0) {
                    double nTotal = totalAtRisk;
                    for (int g = 0; g < k; g++) {
                        share[g] = atRisk[g] / nTotal;
                        expected[g] += deaths * share[g];
                    }
                    if (totalAtRisk > 1) {
                        double factor = deaths * (nTotal - deaths) / (nTotal - 1);
                        for (int g = 0; g < k; g++) {
                            double weight = factor * share[g];
                            if (weight == 0) continue;
                            for (int l = 0; l < k; l++) {
                                covariance[g * k + l] += weight * ((g == l ? 1 : 0) - share[l]);
                            }
                        }
                    }
                }
                int leaving = 0;
                for (int g = 0; g < k; g++) {
                    int died = count[2 * g + 1][i];
                    int out = died + count[2 * g][i];
                    observed[g] += died;
                    atRisk[g] -= out;
                    leaving += out;
                }
                totalAtRisk -= leaving;
            }
        }
    }
}
