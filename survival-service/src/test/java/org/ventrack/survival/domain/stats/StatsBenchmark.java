package org.ventrack.survival.domain.stats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Not a test: the wall time of Kaplan-Meier (log CI) and of the two-group log-rank test per number of subjects
 * (exponential times, rate 1/400 and 1/500 by group, 10 % censored), after a warm-up. Not JMH: a warm-up of at least
 * 3 fits and 5 s, then at least 5 runs and 5 s of runs (at most 200); the median, minimum and maximum are reported.
 * <p>
 * System properties: {@code stats.sizes} (comma-separated, default 1000000; e.g. 1e4,1e5,1e6,1e7),
 * {@code stats.data-dir} (writes each data set there as {@code <n>.time} (float64), {@code <n>.event} and
 * {@code <n>.group} (int32), little-endian, for src/test/r/bench.R to time R's survival on the same data),
 * {@code benchmark.results} (appends one JSON line per size). At 1e7 subjects a fit allocates about 1 GB (arrays of
 * 10^7 longs and doubles: sort keys, distinct times, the curve's columns) beside the 130 MB of input: run-all.sh gives
 * {@code -Xmx3g}.
 * <pre>
 * ./mvnw -q -o -pl platform,survival-service -am test-compile
 * java -Xmx3g -Dstats.sizes=1e4,1e5,1e6,1e7 -cp survival-service/target/test-classes:survival-service/target/classes \
 *      org.ventrack.survival.domain.stats.StatsBenchmark
 * </pre>
 */
public final class StatsBenchmark {

    private static final long MIN_NANOS = 5_000_000_000L;

    public static void main(String[] args) throws IOException {
        String dataDir = System.getProperty("stats.data-dir");
        String results = System.getProperty("benchmark.results");
        for (String size : System.getProperty("stats.sizes", "1000000").split(",")) {
            int n = (int) Double.parseDouble(size.trim());
            String line = measure(n, dataDir == null ? null : Path.of(dataDir));
            System.out.println(line);
            if (results != null && !results.isBlank()) {
                Files.writeString(Path.of(results), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
    }

    private static String measure(int subjects, Path dataDir) throws IOException {
        Random random = new Random(42);
        double[] times = new double[subjects];
        boolean[] events = new boolean[subjects];
        int[] groups = new int[subjects];
        for (int i = 0; i < subjects; i++) {
            groups[i] = random.nextInt(2);
            double rate = groups[i] == 0 ? 1.0 / 400 : 1.0 / 500;
            times[i] = -Math.log(1 - random.nextDouble()) / rate;
            events[i] = random.nextDouble() >= 0.10;
        }
        if (dataDir != null) {
            write(dataDir, subjects, times, events, groups);
        }
        long sink = 0;
        long warmUpStart = System.nanoTime();
        for (int i = 0; i < 3 || System.nanoTime() - warmUpStart < MIN_NANOS; i++) {
            sink += KaplanMeier.fit(times, events, ConfType.LOG, 0.95).size();
            sink += LogRank.test(times, events, groups).observed()[0];
        }
        List<Double> km = new ArrayList<>();
        List<Double> logRank = new ArrayList<>();
        long runsStart = System.nanoTime();
        while (km.size() < 200 && (km.size() < 5 || System.nanoTime() - runsStart < MIN_NANOS)) {
            long start = System.nanoTime();
            sink += KaplanMeier.fit(times, events, ConfType.LOG, 0.95).size();
            km.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            sink += LogRank.test(times, events, groups).observed()[0];
            logRank.add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf("n = %,d, %d runs, %d cores, max heap %d MiB (%s)%n", subjects, km.size(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, sink > 0 ? "ok" : "?");
        System.out.printf("Kaplan-Meier (log CI): median %.2f ms (min %.2f, max %.2f)%n", median(km), min(km), max(km));
        System.out.printf("log-rank, 2 groups:    median %.2f ms (min %.2f, max %.2f)%n", median(logRank), min(logRank),
                max(logRank));
        return String.format(Locale.ROOT, "{\"section\":\"stats\",\"implementation\":\"java\",\"subjects\":%d,\"runs\":%d,"
                + "\"kaplanMeierMedianMs\":%.3f,\"kaplanMeierMinMs\":%.3f,\"logRankMedianMs\":%.3f,\"logRankMinMs\":%.3f,"
                + "\"maxHeapMiB\":%d,\"java\":\"%s\"}", subjects, km.size(), median(km), min(km), median(logRank),
                min(logRank), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
    }

    private static void write(Path dir, int n, double[] times, boolean[] events, int[] groups) throws IOException {
        Files.createDirectories(dir);
        ByteBuffer time = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer event = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer group = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            time.putDouble(times[i]);
            event.putInt(events[i] ? 1 : 0);
            group.putInt(groups[i]);
        }
        for (var file : List.of(java.util.Map.entry("time", time), java.util.Map.entry("event", event),
                java.util.Map.entry("group", group))) {
            try (FileChannel channel = FileChannel.open(dir.resolve(n + "." + file.getKey()), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(file.getValue().flip());
            }
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
