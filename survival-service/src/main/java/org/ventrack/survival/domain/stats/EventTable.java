package org.ventrack.survival.domain.stats;

/**
 * The distinct observed times in ascending order and, for each, how many subjects of each category (censored, event,
 * group × status, state…) leave follow-up at that time.
 *
 * <p>Built with one primitive bucket sort that carries each subject's category byte along with its time: the times
 * are mapped to order-preserving longs, scattered by their leading bits into about n buckets, each bucket is finished
 * by insertion sort, and one linear scan then counts per distinct time. Every pass is split over two threads for large
 * n. No boxing, no comparator, no merge; memory is linear in n.
 */
final class EventTable {

    /** Below this many subjects a second thread costs more than it saves. */
    static final int PARALLEL_THRESHOLD = 100_000;
    private static final int MAX_BUCKET_BITS = 18; // measured: 18 bits (≈ n/4 buckets at 1e6) beat 16, 17, 19, 20
    private static final int INSERTION_SORT_MAX = 32;
    private static final int MAX_CATEGORIES = Byte.MAX_VALUE;

    final int size;
    final double[] time;
    /** count[category][i]: subjects of that category whose follow-up ends at time[i]. */
    final int[][] count;
    /** Subjects per category. */
    final int[] total;

    private EventTable(double[] time, int[][] count, int[] total) {
        this.size = time.length;
        this.time = time;
        this.count = count;
        this.total = total;
    }

    /** Categories 0 = censored, 1 = event. */
    static EventTable ofEvents(double[] times, boolean[] events) {
        requireSameLength(times.length, events.length, "events");
        byte[] codes = new byte[times.length];
        int eventCount = 0;
        for (int i = 0; i < times.length; i++) {
            boolean event = events[i];
            codes[i] = (byte) (event ? 1 : 0);
            if (event) eventCount++;
        }
        return of(times, codes, new int[] {times.length - eventCount, eventCount});
    }

    /** Category = the code itself, in [0, categories). */
    static EventTable ofCodes(double[] times, int[] codes, int categories) {
        requireSameLength(times.length, codes.length, "codes");
        requireCategories(categories);
        byte[] small = new byte[times.length];
        int[] total = new int[categories];
        for (int i = 0; i < times.length; i++) {
            if (codes[i] < 0 || codes[i] >= categories) {
                throw new IllegalArgumentException("code " + codes[i] + " at index " + i + " not in [0, " + categories + ")");
            }
            small[i] = (byte) codes[i];
            total[codes[i]]++;
        }
        return of(times, small, total);
    }

    /** Category = 2 · group + (event ? 1 : 0). */
    static EventTable ofGroups(double[] times, boolean[] events, int[] groups, int groupCount) {
        requireSameLength(times.length, events.length, "events");
        requireSameLength(times.length, groups.length, "groups");
        requireCategories(2 * groupCount);
        byte[] codes = new byte[times.length];
        int[] total = new int[2 * groupCount];
        for (int i = 0; i < times.length; i++) {
            if (groups[i] < 0 || groups[i] >= groupCount) {
                throw new IllegalArgumentException("group " + groups[i] + " at index " + i + " not in [0, " + groupCount + ")");
            }
            codes[i] = (byte) (2 * groups[i] + (events[i] ? 1 : 0));
            total[codes[i]]++;
        }
        return of(times, codes, total);
    }

    /** @param total subjects per category (the caller counts them while building the codes) */
    private static EventTable of(double[] times, byte[] codes, int[] total) {
        int n = times.length;
        int categories = total.length;
        int half = n / 2;
        boolean parallel = n >= PARALLEL_THRESHOLD;
        if (n == 0) {
            return new EventTable(new double[0], new int[categories][0], total);
        }

        long[] keys = new long[n];
        long[] minMax = new long[4];
        TwoThreads.run(parallel, () -> toKeys(times, keys, 0, half, minMax, 0), () -> toKeys(times, keys, half, n, minMax, 2));
        long min = Math.min(minMax[0], minMax[2]);
        long max = Math.max(minMax[1], minMax[3]);
        long range = max - min;
        int bucketBits = Math.max(1, Math.min(MAX_BUCKET_BITS, 30 - Integer.numberOfLeadingZeros(n))); // log2(n) - 1
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(range) - bucketBits);
        int buckets = (int) (range >>> shift) + 1;

        // each half scatters into its own slice of every bucket, so the two halves can write at the same time
        int[] firstHalfNext = new int[buckets];
        int[] secondHalfNext = new int[buckets];
        TwoThreads.run(parallel, () -> histogram(keys, 0, half, min, shift, firstHalfNext),
                () -> histogram(keys, half, n, min, shift, secondHalfNext));
        int[] bucketStart = new int[buckets + 1];
        for (int b = 0; b < buckets; b++) {
            int inFirst = firstHalfNext[b];
            int inSecond = secondHalfNext[b];
            firstHalfNext[b] = bucketStart[b];
            secondHalfNext[b] = bucketStart[b] + inFirst;
            bucketStart[b + 1] = bucketStart[b] + inFirst + inSecond;
        }
        long[] sortedKeys = new long[n];
        byte[] sortedCodes = new byte[n];
        TwoThreads.run(parallel, () -> scatter(keys, codes, 0, half, min, shift, firstHalfNext, sortedKeys, sortedCodes),
                () -> scatter(keys, codes, half, n, min, shift, secondHalfNext, sortedKeys, sortedCodes));

        int splitBucket = firstBucketStartingAtOrAfter(bucketStart, buckets, half);
        int[] distinct = new int[2];
        TwoThreads.run(parallel, () -> distinct[0] = sortBuckets(sortedKeys, sortedCodes, bucketStart, 0, splitBucket),
                () -> distinct[1] = sortBuckets(sortedKeys, sortedCodes, bucketStart, splitBucket, buckets));

        int size = distinct[0] + distinct[1];
        double[] time = new double[size];
        int[][] count = new int[categories][size];
        int splitElement = bucketStart[splitBucket];
        TwoThreads.run(parallel, () -> tabulate(sortedKeys, sortedCodes, 0, splitElement, time, count, 0),
                () -> tabulate(sortedKeys, sortedCodes, splitElement, n, time, count, distinct[0]));
        return new EventTable(time, count, total);
    }

    private static int firstBucketStartingAtOrAfter(int[] bucketStart, int buckets, int element) {
        int lo = 0;
        int hi = buckets;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bucketStart[mid] < element) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static void toKeys(double[] times, long[] keys, int from, int to, long[] minMax, int slot) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = from; i < to; i++) {
            double t = times[i];
            if (!(t >= 0) || t == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("times must be finite and >= 0: " + t + " at index " + i);
            }
            long key = Double.doubleToRawLongBits(t + 0.0); // + 0.0 turns -0.0 into 0.0; non-negative bits sort as longs
            keys[i] = key;
            if (key < min) min = key;
            if (key > max) max = key;
        }
        minMax[slot] = min;
        minMax[slot + 1] = max;
    }

    private static void histogram(long[] keys, int from, int to, long min, int shift, int[] histogram) {
        for (int i = from; i < to; i++) {
            histogram[(int) ((keys[i] - min) >>> shift)]++;
        }
    }

    private static void scatter(long[] keys, byte[] codes, int from, int to, long min, int shift, int[] next,
                                long[] sortedKeys, byte[] sortedCodes) {
        for (int i = from; i < to; i++) {
            long key = keys[i];
            int slot = next[(int) ((key - min) >>> shift)]++;
            sortedKeys[slot] = key;
            sortedCodes[slot] = codes[i];
        }
    }

    /** Insertion-sorts each bucket (they hold a handful of keys) and returns the number of distinct keys. */
    private static int sortBuckets(long[] keys, byte[] codes, int[] bucketStart, int fromBucket, int toBucket) {
        int distinct = 0;
        for (int b = fromBucket; b < toBucket; b++) {
            int lo = bucketStart[b];
            int hi = bucketStart[b + 1];
            if (lo == hi) continue;
            if (hi - lo <= INSERTION_SORT_MAX) {
                insertionSort(keys, codes, lo, hi);
            } else {
                mergeSort(keys, codes, lo, hi); // crowded bucket, e.g. times clustered far from the minimum
            }
            distinct++;
            for (int i = lo + 1; i < hi; i++) {
                if (keys[i] != keys[i - 1]) distinct++;
            }
        }
        return distinct;
    }

    private static void insertionSort(long[] keys, byte[] codes, int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            long key = keys[i];
            byte code = codes[i];
            int j = i - 1;
            while (j >= lo && keys[j] > key) {
                keys[j + 1] = keys[j];
                codes[j + 1] = codes[j];
                j--;
            }
            keys[j + 1] = key;
            codes[j + 1] = code;
        }
    }

    /** Bottom-up merge sort of keys[lo, hi) carrying codes along. */
    private static void mergeSort(long[] keys, byte[] codes, int lo, int hi) {
        int n = hi - lo;
        long[] fromKeys = java.util.Arrays.copyOfRange(keys, lo, hi);
        byte[] fromCodes = java.util.Arrays.copyOfRange(codes, lo, hi);
        long[] toKeys = new long[n];
        byte[] toCodes = new byte[n];
        for (int start = 0; start < n; start += INSERTION_SORT_MAX) {
            insertionSort(fromKeys, fromCodes, start, Math.min(start + INSERTION_SORT_MAX, n));
        }
        for (int width = INSERTION_SORT_MAX; width < n; width *= 2) {
            for (int left = 0; left < n; left += 2 * width) {
                int middle = Math.min(left + width, n);
                int right = Math.min(left + 2 * width, n);
                int a = left;
                int b = middle;
                for (int out = left; out < right; out++) {
                    if (a < middle && (b >= right || fromKeys[a] <= fromKeys[b])) {
                        toKeys[out] = fromKeys[a];
                        toCodes[out] = fromCodes[a++];
                    } else {
                        toKeys[out] = fromKeys[b];
                        toCodes[out] = fromCodes[b++];
                    }
                }
            }
            long[] swapKeys = fromKeys;
            fromKeys = toKeys;
            toKeys = swapKeys;
            byte[] swapCodes = fromCodes;
            fromCodes = toCodes;
            toCodes = swapCodes;
        }
        System.arraycopy(fromKeys, 0, keys, lo, n);
        System.arraycopy(fromCodes, 0, codes, lo, n);
    }

    /** Writes distinct times and category counts for a range that starts at a bucket boundary. */
    private static void tabulate(long[] keys, byte[] codes, int from, int to, double[] time, int[][] count, int firstRow) {
        int row = firstRow - 1;
        long previous = 0;
        for (int i = from; i < to; i++) {
            long key = keys[i];
            if (i == from || key != previous) {
                row++;
                previous = key;
                time[row] = Double.longBitsToDouble(key);
            }
            count[codes[i]][row]++;
        }
    }

    private static void requireCategories(int categories) {
        if (categories > MAX_CATEGORIES) {
            throw new IllegalArgumentException("at most " + MAX_CATEGORIES + " categories (groups × status or states)");
        }
    }

    private static void requireSameLength(int n, int m, String name) {
        if (n != m) {
            throw new IllegalArgumentException("times has " + n + " entries but " + name + " has " + m);
        }
    }
}
