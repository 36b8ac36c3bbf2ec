package org.ventrack.survival.domain.stats;

import java.util.concurrent.CompletableFuture;

/**
 * The distinct observed times in ascending order and, for each, how many subjects of each category (censored, event,
 * group × status, state…) leave follow-up at that time. Built by splitting the times by category, sorting each part
 * with a primitive sort (on two cores when large) and merging the sorted runs in one pass. Memory is linear in n.
 */
final class EventTable {

    /** Below this many subjects the second core is not worth a task. */
    private static final int PARALLEL_THRESHOLD = 100_000;

    /** Number of distinct times; {@link #time} and the rows of {@link #count} may be longer. */
    final int size;
    final double[] time;
    /** count[category][i]: subjects of that category whose follow-up ends at time[i]. */
    final int[][] count;
    /** Subjects per category. */
    final int[] total;

    private EventTable(int size, double[] time, int[][] count, int[] total) {
        this.size = size;
        this.time = time;
        this.count = count;
        this.total = total;
    }

    /** Categories 0 = censored, 1 = event. */
    static EventTable ofEvents(double[] times, boolean[] events) {
        requireSameLength(times.length, events.length, "events");
        int[] sizes = new int[2];
        for (int i = 0; i < times.length; i++) {
            checkTime(times[i]);
            sizes[events[i] ? 1 : 0]++;
        }
        double[][] byCategory = {new double[sizes[0]], new double[sizes[1]]};
        int[] fill = new int[2];
        for (int i = 0; i < times.length; i++) {
            int c = events[i] ? 1 : 0;
            byCategory[c][fill[c]++] = times[i] + 0.0; // + 0.0 turns -0.0 into 0.0
        }
        return ofCategories(byCategory);
    }

    /** Category = the code itself, which must be in [0, categories). */
    static EventTable ofCodes(double[] times, int[] codes, int categories) {
        requireSameLength(times.length, codes.length, "codes");
        int[] sizes = new int[categories];
        for (int i = 0; i < times.length; i++) {
            checkTime(times[i]);
            if (codes[i] < 0 || codes[i] >= categories) {
                throw new IllegalArgumentException("code " + codes[i] + " at index " + i + " not in [0, " + categories + ")");
            }
            sizes[codes[i]]++;
        }
        double[][] byCategory = new double[categories][];
        for (int c = 0; c < categories; c++) {
            byCategory[c] = new double[sizes[c]];
        }
        int[] fill = new int[categories];
        for (int i = 0; i < times.length; i++) {
            int c = codes[i];
            byCategory[c][fill[c]++] = times[i] + 0.0;
        }
        return ofCategories(byCategory);
    }

    /** Category = 2 · group + (event ? 1 : 0). */
    static EventTable ofGroups(double[] times, boolean[] events, int[] groups, int groupCount) {
        requireSameLength(times.length, events.length, "events");
        requireSameLength(times.length, groups.length, "groups");
        int[] codes = new int[times.length];
        for (int i = 0; i < times.length; i++) {
            if (groups[i] < 0 || groups[i] >= groupCount) {
                throw new IllegalArgumentException("group " + groups[i] + " at index " + i + " not in [0, " + groupCount + ")");
            }
            codes[i] = 2 * groups[i] + (events[i] ? 1 : 0);
        }
        return ofCodes(times, codes, 2 * groupCount);
    }

    private static EventTable ofCategories(double[][] byCategory) {
        int categories = byCategory.length;
        int n = 0;
        int[] total = new int[categories];
        for (int c = 0; c < categories; c++) {
            total[c] = byCategory[c].length;
            n += total[c];
        }
        boolean parallel = n >= PARALLEL_THRESHOLD;
        int runs = parallel ? 2 * categories : categories;
        double[][] runArray = new double[runs][];
        int[] runCategory = new int[runs];
        int[] position = new int[runs];
        int[] end = new int[runs];
        for (int c = 0; c < categories; c++) {
            int length = byCategory[c].length;
            if (parallel) {
                int half = length / 2;
                setRun(2 * c, byCategory[c], c, 0, half, runArray, runCategory, position, end);
                setRun(2 * c + 1, byCategory[c], c, half, length, runArray, runCategory, position, end);
            } else {
                setRun(c, byCategory[c], c, 0, length, runArray, runCategory, position, end);
            }
        }
        if (parallel) {
            // even runs on the common pool, odd runs here: each category is split in halves, so both cores get half the work
            CompletableFuture<Void> evenRuns = CompletableFuture.runAsync(() -> sortRuns(runArray, position, end, 0));
            sortRuns(runArray, position, end, 1);
            evenRuns.join();
        } else {
            sortRuns(runArray, position, end, 0, 1);
        }

        double[] time = new double[n];
        int[][] count = new int[categories][n];
        int size = 0;
        while (true) {
            double next = Double.POSITIVE_INFINITY;
            boolean remaining = false;
            for (int r = 0; r < runs; r++) {
                if (position[r] < end[r]) {
                    double head = runArray[r][position[r]];
                    if (!remaining || head < next) next = head;
                    remaining = true;
                }
            }
            if (!remaining) break;
            for (int r = 0; r < runs; r++) {
                double[] run = runArray[r];
                int p = position[r];
                int e = end[r];
                int start = p;
                while (p < e && run[p] == next) p++;
                count[runCategory[r]][size] += p - start;
                position[r] = p;
            }
            time[size++] = next;
        }
        return new EventTable(size, time, count, total);
    }

    private static void setRun(int r, double[] array, int category, int from, int to,
                               double[][] runArray, int[] runCategory, int[] position, int[] end) {
        runArray[r] = array;
        runCategory[r] = category;
        position[r] = from;
        end[r] = to;
    }

    private static void sortRuns(double[][] runArray, int[] from, int[] to, int first) {
        sortRuns(runArray, from, to, first, 2);
    }

    private static void sortRuns(double[][] runArray, int[] from, int[] to, int first, int step) {
        for (int r = first; r < runArray.length; r += step) {
            PrimitiveSort.sort(runArray[r], from[r], to[r]);
        }
    }

    private static void checkTime(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("times must be finite and >= 0: " + t);
        }
    }

    private static void requireSameLength(int n, int m, String name) {
        if (n != m) {
            throw new IllegalArgumentException("times has " + n + " entries but " + name + " has " + m);
        }
    }
}
