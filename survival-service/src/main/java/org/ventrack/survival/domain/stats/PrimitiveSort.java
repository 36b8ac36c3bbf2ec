package org.ventrack.survival.domain.stats;

import java.util.Arrays;

/**
 * Ascending sort of a range of a double[] without boxing: one most-significant-digit bucket pass on the order-preserving
 * long image of each double, then insertion sort (or {@link Arrays#sort(long[], int, int)} for crowded buckets).
 * Measured about twice as fast as {@link Arrays#sort(double[])} for a million random times. -0.0 sorts before 0.0 and
 * NaN is not expected (callers validate).
 */
final class PrimitiveSort {

    private static final int MAX_DIGIT_BITS = 20;
    private static final int INSERTION_SORT_MAX = 32;

    private PrimitiveSort() {
    }

    static void sort(double[] a, int from, int to) {
        int n = to - from;
        if (n < 2) return;
        if (n < 256) {
            Arrays.sort(a, from, to);
            return;
        }
        long[] keys = new long[n];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long key = sortableKey(a[from + i]);
            keys[i] = key;
            if (key < min) min = key;
            if (key > max) max = key;
        }
        if (min == max) return;
        long range = max - min; // unsigned, may exceed Long.MAX_VALUE
        int rangeBits = 64 - Long.numberOfLeadingZeros(range);
        int digitBits = Math.min(MAX_DIGIT_BITS, 32 - Integer.numberOfLeadingZeros(n));
        int shift = Math.max(0, rangeBits - digitBits);
        int buckets = (int) (range >>> shift) + 1;
        int[] start = new int[buckets + 1];
        for (int i = 0; i < n; i++) {
            start[(int) ((keys[i] - min) >>> shift) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        int[] next = Arrays.copyOf(start, buckets);
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            sorted[next[(int) ((key - min) >>> shift)]++] = key;
        }
        for (int b = 0; b < buckets; b++) {
            int lo = start[b];
            int hi = start[b + 1];
            if (hi - lo < 2) continue;
            if (hi - lo <= INSERTION_SORT_MAX) {
                insertionSort(sorted, lo, hi);
            } else {
                Arrays.sort(sorted, lo, hi);
            }
        }
        for (int i = 0; i < n; i++) {
            a[from + i] = fromSortableKey(sorted[i]);
        }
    }

    private static void insertionSort(long[] a, int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            long v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /** Signed long whose natural order is the numeric order of the double (negative doubles get their magnitude bits flipped). */
    static long sortableKey(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    static double fromSortableKey(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }
}
