package org.ventrack.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The benchmarks' load: for an endpoint, the maximum throughput of a closed loop of {@link #CLIENTS} clients, then
 * the latency at fixed arrival rates of 50 % and 80 % of that maximum, measured from each request's scheduled time so
 * that a stall is not hidden.
 */
final class LoadGenerator {

    static final int CLIENTS = 16;
    static final Duration WARM_UP = Duration.ofSeconds(8);
    static final Duration MEASURE = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS * 2)).build();

    /**
     * Warm-up, maximum, then latency at 50 % and at 80 % of the maximum; prints one line, and appends one JSON line
     * to the file named by the system property {@code benchmark.report} when it is set.
     */
    void measure(String name, IntFunction<HttpRequest> request) throws Exception {
        closedLoop(request, WARM_UP);
        double max = closedLoop(request, MEASURE);
        Latencies half = openLoop(request, max * 0.5, MEASURE);
        Latencies high = openLoop(request, max * 0.8, MEASURE);
        System.out.printf("%-32s max %7.0f req/s | at %6.0f req/s: p50 %6.1f ms, p99 %6.1f ms, p99.9 %6.1f ms, errors %d"
                + " | at %6.0f req/s: p50 %6.1f ms, p99 %6.1f ms, p99.9 %6.1f ms, errors %d%n",
                name, max, max * 0.5, half.percentile(0.50), half.percentile(0.99), half.percentile(0.999), half.errors(),
                max * 0.8, high.percentile(0.50), high.percentile(0.99), high.percentile(0.999), high.errors());
        String report = System.getProperty("benchmark.report");
        if (report != null && !report.isBlank()) {
            String line = String.format(java.util.Locale.ROOT, "{\"endpoint\":\"%s\",\"maxPerSecond\":%.1f,\"at50\":%s,\"at80\":%s}%n",
                    name.replace("\"", "'"), max, half.json(max * 0.5), high.json(max * 0.8));
            java.nio.file.Files.writeString(java.nio.file.Path.of(report), line, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }

    static HttpRequest post(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** Requests per second of {@link #CLIENTS} clients each sending its next request when the last one answered. */
    double closedLoop(IntFunction<HttpRequest> request, Duration duration) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                int i = 0;
                while (System.nanoTime() < end) {
                    HttpResponse<Void> response = http.send(request.apply(i++), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() < 400) {
                        done.incrementAndGet();
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(duration.toSeconds() + 30, TimeUnit.SECONDS);
        return done.get() / (double) duration.toSeconds();
    }

    /** Latencies at a fixed arrival rate, each from its scheduled send time. */
    Latencies openLoop(IntFunction<HttpRequest> request, double perSecond, Duration duration) throws Exception {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long intervalNanos = (long) (1_000_000_000L / perSecond);
        long count = duration.toNanos() / intervalNanos;
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<?>> all = Collections.synchronizedList(new ArrayList<>());
        for (long i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            int n = (int) i;
            scheduler.schedule(() -> all.add(http.sendAsync(request.apply(n), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        if (failure != null || response.statusCode() >= 400) {
                            errors.incrementAndGet();
                        } else {
                            millis.add((System.nanoTime() - due) / 1e6);
                        }
                    })), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        scheduler.shutdown();
        scheduler.awaitTermination(duration.toSeconds() + 30, TimeUnit.SECONDS);
        java.util.concurrent.CompletableFuture.allOf(all.toArray(new java.util.concurrent.CompletableFuture[0]))
                .handle((v, e) -> null).get(60, TimeUnit.SECONDS);
        return new Latencies(new ArrayList<>(millis), errors.get());
    }

    record Latencies(List<Double> millis, int errors) {
        String json(double rate) {
            return String.format(java.util.Locale.ROOT,
                    "{\"perSecond\":%.1f,\"p50Ms\":%s,\"p99Ms\":%s,\"p999Ms\":%s,\"errors\":%d,\"answered\":%d}",
                    rate, number(percentile(0.50)), number(percentile(0.99)), number(percentile(0.999)), errors, millis.size());
        }

        private static String number(double value) {
            return Double.isNaN(value) ? "null" : String.format(java.util.Locale.ROOT, "%.2f", value);
        }

        double percentile(double p) {
            List<Double> sorted = millis.stream().sorted().toList();
            return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }
    }
}
