package org.ventrack.system;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.ventrack.devstack.Database;

/**
 * The benchmarks' load: for an endpoint, the maximum throughput of a closed loop of {@link #CLIENTS} clients, then
 * the latency at fixed arrival rates of 50 % and 80 % of that maximum, measured from each request's scheduled time so
 * that a stall is not hidden. Each open-loop run returns only when every request it sent has been answered or has
 * timed out, so no request of one run is in flight during the next.
 * <p>
 * Beside the rates it reports what does not depend on the machine's other load: the CPU time per answered request of
 * the service process, of the database server (postmaster and its backends) and of this client, measured over the
 * closed-loop run.
 */
final class LoadGenerator {

    static final int CLIENTS = 16;
    static final Duration WARM_UP = Duration.ofSeconds(8);
    static final Duration MEASURE = Duration.ofSeconds(15);
    /** A request not answered within this is counted as an error, so that a run always ends. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The JDK client runs all its connections' I/O on one selector thread per {@code HttpClient}; above ~3k req/s on
     * 2 cores that thread was the limit, so the clients are spread over several.
     */
    static final int HTTP_CLIENTS = 4;
    /** At most this many requests of one sender in flight in the open-loop runs (each is a connection). */
    static final int MAX_IN_FLIGHT_PER_SENDER = 64;
    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ of /proc/<pid>/stat on Linux

    private final List<HttpClient> http = new ArrayList<>();

    LoadGenerator() {
        ExecutorService callbacks = Executors.newFixedThreadPool(CLIENTS * 2, r -> {
            Thread t = new Thread(r, "load-http");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < HTTP_CLIENTS; i++) {
            http.add(HttpClient.newBuilder().executor(callbacks).connectTimeout(REQUEST_TIMEOUT).build());
        }
    }

    /** Processes whose CPU time is counted per request: the service's JVM and the database server (either may be 0). */
    record Watched(long servicePid, long databasePid) {
        static final Watched NONE = new Watched(0, 0);
    }

    void measure(String name, IntFunction<HttpRequest> request) throws Exception {
        measure(name, Watched.NONE, request);
    }

    /**
     * Warm-up, maximum, then latency at 50 % and at 80 % of the maximum; prints one line, and appends one JSON line
     * to the file named by the system property {@code benchmark.report} when it is set.
     */
    void measure(String name, Watched watched, IntFunction<HttpRequest> request) throws Exception {
        closedLoop(request, WARM_UP);
        Cpu before = Cpu.now(watched);
        Closed max = closedLoop(request, MEASURE);
        Cpu used = Cpu.now(watched).minus(before);
        Latencies half = openLoop(request, max.perSecond() * 0.5, MEASURE);
        Latencies high = openLoop(request, max.perSecond() * 0.8, MEASURE);
        double n = Math.max(1, max.answered());
        System.out.printf(Locale.ROOT, "%-32s max %7.0f req/s (errors %d) | at %6.0f req/s: p50 %6.1f ms, p99 %6.1f ms, "
                + "p99.9 %6.1f ms, errors %d, late sends %d | at %6.0f req/s: p50 %6.1f ms, p99 %6.1f ms, p99.9 %6.1f ms, "
                + "errors %d, late sends %d | CPU ms/request: service (without JIT) %.3f, database %.3f, client %.3f; machine busy %.0f %%%n",
                name, max.perSecond(), max.errors(), max.perSecond() * 0.5, half.percentile(0.50), half.percentile(0.99),
                half.percentile(0.999), half.errors(), half.lateSends(), max.perSecond() * 0.8, high.percentile(0.50),
                high.percentile(0.99), high.percentile(0.999), high.errors(), high.lateSends(),
                used.serviceMs() / n, used.databaseMs() / n, used.clientMs() / n, used.machineBusyPercent());
        String report = System.getProperty("benchmark.report");
        if (report != null && !report.isBlank()) {
            String line = String.format(Locale.ROOT, "{\"endpoint\":\"%s\",\"maxPerSecond\":%.1f,\"maxErrors\":%d,"
                    + "\"cpuMsPerRequest\":{\"service\":%.4f,\"database\":%.4f,\"client\":%.4f},\"machineBusyPercent\":%.1f,"
                    + "\"at50\":%s,\"at80\":%s}%n",
                    name.replace("\"", "'"), max.perSecond(), max.errors(), used.serviceMs() / n, used.databaseMs() / n,
                    used.clientMs() / n, used.machineBusyPercent(), half.json(max.perSecond() * 0.5),
                    high.json(max.perSecond() * 0.8));
            Files.writeString(Path.of(report), line, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                .GET().build();
    }

    static HttpRequest post(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** Answered requests per second (status below 400) and the errors of a closed-loop run. */
    record Closed(double perSecond, long answered, long errors) {
    }

    /** {@link #CLIENTS} clients each sending its next request when the last one answered. */
    Closed closedLoop(IntFunction<HttpRequest> request, Duration duration) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicInteger sequence = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            HttpClient client = http.get(c % http.size());
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<Void> response = client.send(request.apply(sequence.getAndIncrement()),
                                HttpResponse.BodyHandlers.discarding());
                        (response.statusCode() < 400 ? done : errors).incrementAndGet();
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        if (!clients.awaitTermination(duration.toSeconds() + REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("closed-loop clients still running after the run");
        }
        return new Closed(done.get() / (double) duration.toSeconds(), done.get(), errors.get());
    }

    /**
     * Latencies at a fixed arrival rate, each from its scheduled send time. {@link #HTTP_CLIENTS} threads send on a
     * shared schedule (request i on thread i mod n), each through its own client and with at most
     * {@link #MAX_IN_FLIGHT_PER_SENDER} requests in flight (an overloaded service then makes requests wait for a
     * connection, still timed from their scheduled time, instead of opening thousands of connections). A send that
     * leaves more than 1 ms after its time is counted in {@code lateSends}. The run returns when every request has
     * been answered or has timed out.
     */
    Latencies openLoop(IntFunction<HttpRequest> request, double perSecond, Duration duration) throws Exception {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger late = new AtomicInteger();
        long intervalNanos = (long) (1_000_000_000L / perSecond);
        int count = (int) (duration.toNanos() / intervalNanos);
        List<CompletableFuture<?>> sent = Collections.synchronizedList(new ArrayList<>(count));
        long start = System.nanoTime() + 10_000_000;
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < http.size(); s++) {
            int first = s;
            HttpClient client = http.get(s);
            java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(MAX_IN_FLIGHT_PER_SENDER);
            Thread sender = new Thread(() -> {
                for (int i = first; i < count; i += http.size()) {
                    long due = start + i * intervalNanos;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    inFlight.acquireUninterruptibly();
                    if (System.nanoTime() - due > 1_000_000) {
                        late.incrementAndGet();
                    }
                    sent.add(client.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding())
                            .whenComplete((response, failure) -> {
                                inFlight.release();
                                if (failure != null || response.statusCode() >= 400) {
                                    errors.incrementAndGet();
                                } else {
                                    millis.add((System.nanoTime() - due) / 1e6);
                                }
                            }));
                }
            }, "load-sender-" + s);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        // every request ends within REQUEST_TIMEOUT of its send; none may still be in flight when the next run starts
        CompletableFuture.allOf(sent.toArray(new CompletableFuture[0])).handle((v, e) -> null)
                .get(REQUEST_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
        return new Latencies(new ArrayList<>(millis), errors.get(), late.get());
    }

    record Latencies(List<Double> millis, int errors, int lateSends) {
        String json(double rate) {
            return String.format(Locale.ROOT,
                    "{\"perSecond\":%.1f,\"p50Ms\":%s,\"p99Ms\":%s,\"p999Ms\":%s,\"errors\":%d,\"answered\":%d,\"lateSends\":%d}",
                    rate, number(percentile(0.50)), number(percentile(0.99)), number(percentile(0.999)), errors,
                    millis.size(), lateSends);
        }

        private static String number(double value) {
            return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.2f", value);
        }

        double percentile(double p) {
            List<Double> sorted = millis.stream().sorted().toList();
            return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }
    }

    /** CPU time so far, in milliseconds, of the service, the database server and this JVM, and the machine's busy time. */
    record Cpu(double serviceMs, Map<String, Long> compilerTicks, double databaseMs, double clientMs, long machineBusyTicks,
            long machineTotalTicks) {

        static Cpu now(Watched watched) throws IOException {
            long[] machine = machineTicks();
            long service = watched.servicePid() == 0 ? 0 : processTicks(watched.servicePid(), false);
            return new Cpu(ticksToMs(service), watched.servicePid() == 0 ? Map.of() : compilerTicks(watched.servicePid()),
                    watched.databasePid() == 0 ? 0 : ticksToMs(treeTicks(watched.databasePid())),
                    ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime() / 1e6,
                    machine[0], machine[1]);
        }

        /** The time between two readings; the service's without what its compiler threads spent meanwhile. */
        Cpu minus(Cpu earlier) {
            long compiling = 0;
            for (var thread : compilerTicks.entrySet()) {
                compiling += thread.getValue() - earlier.compilerTicks.getOrDefault(thread.getKey(), 0L);
            }
            // a compiler thread that ended meanwhile is not seen here: its time since the first reading stays counted
            return new Cpu(serviceMs - earlier.serviceMs - ticksToMs(compiling), Map.of(), databaseMs - earlier.databaseMs,
                    clientMs - earlier.clientMs,
                    machineBusyTicks - earlier.machineBusyTicks, machineTotalTicks - earlier.machineTotalTicks);
        }

        double machineBusyPercent() {
            return machineTotalTicks == 0 ? Double.NaN : 100.0 * machineBusyTicks / machineTotalTicks;
        }

        private static double ticksToMs(long ticks) {
            return ticks * 1000.0 / CLOCK_TICKS_PER_SECOND;
        }

        /** utime + stime, plus the reaped children's times when {@code withChildren} (/proc/<pid>/stat). */
        private static long processTicks(long pid, boolean withChildren) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after the command: state(3) ... utime(14) stime(15) cutime(16) cstime(17), numbered from pid = 1
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                return withChildren ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
            } catch (IOException | RuntimeException e) {
                return 0; // the process ended
            }
        }

        /**
         * The JIT compiler threads' time, by thread: compiling is warm-up, not the cost of a request (a slow endpoint
         * is still being compiled after the warm-up run), so it is left out of the service's time. By thread because
         * the JVM starts and ends compiler threads as it needs them.
         */
        private static Map<String, Long> compilerTicks(long pid) {
            Map<String, Long> byThread = new java.util.HashMap<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                tasks.forEach(task -> {
                    try {
                        if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                            String stat = Files.readString(task.resolve("stat"));
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            byThread.put(task.getFileName().toString(), Long.parseLong(f[11]) + Long.parseLong(f[12]));
                        }
                    } catch (IOException | RuntimeException e) {
                        // the thread ended
                    }
                });
            } catch (IOException e) {
                // the process ended
            }
            return byThread;
        }

        /** The postmaster with the backends that ended (reaped children) and those still running. */
        private static long treeTicks(long pid) {
            long ticks = processTicks(pid, true);
            try (Stream<ProcessHandle> children = ProcessHandle.of(pid).map(ProcessHandle::descendants).orElse(Stream.empty())) {
                ticks += children.mapToLong(p -> processTicks(p.pid(), false)).sum();
            }
            return ticks;
        }

        private static long[] machineTicks() throws IOException {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[] { total - idle, total };
        }
    }

    /** The postmaster's process id of an embedded database (first line of {@code postmaster.pid}), or 0. */
    static long postmasterPid(Database database) {
        if (!database.isEmbedded()) {
            return 0;
        }
        Path pidFile = database.logFile().getParent().resolve("data/postmaster.pid");
        try {
            return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The SQL statements the database executes per request: the server logs every statement while {@code requests}
     * requests are sent one after another (then stops logging); the log lines of {@code databaseName} are counted and
     * grouped by statement. Counts everything on that database in the meantime, the outbox relay's rounds included
     * (sent one by one, each write wakes the relay for a round of its own: the worst case). A throwaway measurement
     * of an embedded server only.
     */
    void countStatements(String name, Database database, String databaseName, int requests, IntFunction<HttpRequest> request)
            throws Exception {
        if (!database.isEmbedded()) {
            return;
        }
        Path log = database.logFile();
        try (Connection admin = DriverManager.getConnection(database.jdbcUrl("postgres"), database.user(), database.password());
                var statement = admin.createStatement()) {
            statement.execute("ALTER SYSTEM SET log_line_prefix = '[%d] '");
            statement.execute("ALTER SYSTEM SET log_statement = 'all'");
            statement.execute("SELECT pg_reload_conf()");
            Thread.sleep(1_000);
            long from = Files.size(log);
            int answered = 0;
            for (int i = 0; i < requests; i++) {
                HttpResponse<Void> response = http.get(0).send(request.apply(1_000_000 + i), HttpResponse.BodyHandlers.discarding());
                answered += response.statusCode() < 400 ? 1 : 0;
            }
            Thread.sleep(1_500); // the relay's last round
            statement.execute("ALTER SYSTEM RESET log_statement");
            statement.execute("ALTER SYSTEM RESET log_line_prefix");
            statement.execute("SELECT pg_reload_conf()");
            Thread.sleep(500);
            byte[] all = Files.readAllBytes(log);
            String logged = new String(all, (int) from, all.length - (int) from, java.nio.charset.StandardCharsets.UTF_8);
            Map<String, Integer> byStatement = new TreeMap<>();
            int total = 0;
            for (String line : logged.split("\n")) {
                int at = line.indexOf("[" + databaseName + "] LOG:  ");
                if (at < 0) {
                    continue;
                }
                String text = line.substring(at + databaseName.length() + 9);
                if (!(text.startsWith("execute") || text.startsWith("statement:"))) {
                    continue;
                }
                total++;
                String sql = text.substring(text.indexOf(':') + 1).trim().replaceAll("\\s+", " ");
                byStatement.merge(sql.length() > 90 ? sql.substring(0, 90) : sql, 1, Integer::sum);
            }
            System.out.printf(Locale.ROOT, "%-32s SQL statements per request: %.2f (%d requests, %d answered)%n", name,
                    total / (double) requests, requests, answered);
            byStatement.forEach((sql, n) -> System.out.printf(Locale.ROOT, "    %6.2f  %s%n", n / (double) requests, sql));
        } catch (SQLException e) {
            System.out.println("could not count the statements of " + name + ": " + e.getMessage());
        }
    }
}
