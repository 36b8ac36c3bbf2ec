package org.ventrack.survival.domain.stats;

import java.util.Arrays;
import java.util.Random;

/**
 * Not a test: prints the median wall time of Kaplan-Meier (log CI) and of the two-group log-rank test on 1,000,000
 * subjects (exponential times, 10 % censored, two groups), after warm-up. Same-shaped data as src/test/r/bench.R.
 * <pre>
 * ./mvnw -q -o -pl survival-service test-compile
 * java -cp survival-service/target/test-classes:survival-service/target/classes \
 *      org.ventrack.survival.domain.stats.StatsBenchmark
 * </pre>
 */
public final class StatsBenchmark {

    private static final int SUBJECTS = 1_000_000;
    private static final int WARM_UP = 15;
    private static final int RUNS = 20;

    public static void main(String[] args) {
        Random random = new Random(42);
        double[] times = new double[SUBJECTS];
        boolean[] events = new boolean[SUBJECTS];
        int[] groups = new int[SUBJECTS];
        for (int i = 0; i < SUBJECTS; i++) {
            groups[i] = random.nextInt(2);
            double rate = groups[i] == 0 ? 1.0 / 400 : 1.0 / 500;
            times[i] = -Math.log(1 - random.nextDouble()) / rate;
            events[i] = random.nextDouble() >= 0.10;
        }
        long sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += KaplanMeier.fit(times, events).size();
            sink += LogRank.test(times, events, groups).observed()[0];
        }
        double[] km = new double[RUNS];
        double[] logRank = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            sink += KaplanMeier.fit(times, events, ConfType.LOG, 0.95).size();
            km[i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            sink += LogRank.test(times, events, groups).observed()[0];
            logRank[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf("n = %,d, %d runs after %d warm-up, %d cores (%s)%n", SUBJECTS, RUNS, WARM_UP,
                Runtime.getRuntime().availableProcessors(), sink > 0 ? "ok" : "?");
        System.out.printf("Kaplan-Meier (log CI): median %.1f ms (min %.1f, max %.1f)%n", median(km), min(km), max(km));
        System.out.printf("log-rank, 2 groups:    median %.1f ms (min %.1f, max %.1f)%n", median(logRank), min(logRank),
                max(logRank));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
