package org.ventrack.survival.domain.stats;

import java.util.Arrays;

/**
 * Quantiles of a step curve exactly as R's {@code survival:::findq} (used by {@code quantile.survfit} and
 * {@code print.survfit}): on x = (0, time), y = (0, 1 - curve) with duplicated y removed, the p-quantile is the mean of
 * the x where y + tol and y - tol first reach p (so a flat stretch at exactly p gives its midpoint), and the midpoint
 * of the last flat stretch and the last time when the curve ends at exactly p. NaN (R's NA) values of the curve are
 * ignored, as {@code approx} does.
 */
final class SurvivalQuantiles {

    /** R's sqrt(.Machine$double.eps). */
    static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private final double[] time;

    SurvivalQuantiles(double[] time) {
        this.time = time;
    }

    double[] find(double[] curve, double[] probs) {
        int m = curve.length + 1;
        double[] y = new double[m];
        for (int j = 1; j < m; j++) {
            y[j] = 1 - curve[j - 1];
        }
        double[] result = new double[probs.length];
        double maxY = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (v > maxY) maxY = v;
        }
        double minP = Double.POSITIVE_INFINITY;
        for (double p : probs) minP = Math.min(minP, p);
        if (maxY < minP) {
            Arrays.fill(result, Double.NaN);
            return result;
        }
        double lastTime = x(m - 1);
        double lastDistinct = lastDistinctValue(y);
        for (int i = 0; i < probs.length; i++) {
            double p = probs[i];
            int reachedWithTolerance = firstReaching(y, p, TOLERANCE);
            int reachedStrictly = firstReaching(y, p, -TOLERANCE);
            double q = (reachedWithTolerance < 0 || reachedStrictly < 0) ? Double.NaN
                    : (x(reachedWithTolerance) + x(reachedStrictly)) / 2;
            if (p == 0) q = x(0);
            if (!Double.isNaN(lastDistinct) && Math.abs(p - lastDistinct) < TOLERANCE) {
                q = reachedWithTolerance < 0 ? Double.NaN : (x(reachedWithTolerance) + lastTime) / 2;
            }
            result[i] = q;
        }
        return result;
    }

    private double x(int j) {
        return j == 0 ? 0 : time[j - 1];
    }

    /**
     * R: approx(y + shift, 1:n, p, method = "constant", f = 1): the first index of the smallest y + shift that is
     * >= p; -1 (NA) if p is outside the range of y + shift.
     */
    private static int firstReaching(double[] y, double p, double shift) {
        int best = -1;
        double bestValue = Double.POSITIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < y.length; j++) {
            double v = y[j] + shift;
            if (Double.isNaN(v)) continue;
            if (v < min) min = v;
            if (v >= p && v < bestValue) {
                bestValue = v;
                best = j;
            }
        }
        return p < min ? -1 : best;
    }

    /** The last element of y after R's {@code y[!duplicated(y)]} (NaN counts as one value). */
    private static double lastDistinctValue(double[] y) {
        int firstNaN = -1;
        boolean monotone = true;
        for (int j = 0; j < y.length; j++) {
            if (Double.isNaN(y[j])) {
                if (firstNaN < 0) firstNaN = j;
            } else if (firstNaN >= 0 || (j > 0 && y[j] < y[j - 1])) {
                monotone = false;
                break;
            }
        }
        if (monotone) {
            return firstNaN >= 0 ? Double.NaN : y[y.length - 1];
        }
        // general case (e.g. an upper confidence curve that rises): the value whose first occurrence is latest
        double[] distinct = y.clone();
        Arrays.sort(distinct); // NaN last; equal values adjacent
        int[] firstIndex = new int[distinct.length];
        Arrays.fill(firstIndex, Integer.MAX_VALUE);
        for (int j = 0; j < y.length; j++) {
            int rank = lowerBound(distinct, y[j]);
            firstIndex[rank] = Math.min(firstIndex[rank], j);
        }
        int latest = 0;
        for (int r = 1; r < distinct.length; r++) {
            if (firstIndex[r] != Integer.MAX_VALUE && firstIndex[r] > firstIndex[latest]) latest = r;
        }
        return distinct[latest];
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(sorted[mid], v) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
