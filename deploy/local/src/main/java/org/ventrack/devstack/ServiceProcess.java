package org.ventrack.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Quarkus service run as a child JVM, its output appended to its log file. */
final class ServiceProcess {

    /** Starts the line written to the log before each run. */
    static final String RUN_MARKER = "===== ";

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final int port;
    private final Path jar;
    private final Path logFile;
    private final Path workingDirectory;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private Process process;
    private long startedAt;

    ServiceProcess(String name, int port, Path jar, Path logFile, Path workingDirectory, List<String> jvmOptions,
            Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.logFile = logFile;
        this.workingDirectory = workingDirectory;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.environment = Map.copyOf(environment);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path logFile() {
        return logFile;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized Process process() {
        return process;
    }

    synchronized void start() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(logFile.getParent());
        // A marker line, so the runs appended to one log can be told apart.
        Files.writeString(logFile, "%n%s%s starting %s: %s%n".formatted(RUN_MARKER, Instant.now(), name, String.join(" ", command)),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        startedAt = System.nanoTime();
        process = builder.start();
    }

    /**
     * Polls {@code /q/health/ready} until it answers 200 and returns the milliseconds from process start to ready.
     * Fails at once if the process exits first.
     */
    long awaitReady(HttpClient http, Duration timeout) throws InterruptedException {
        Process running = process();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!running.isAlive()) {
                throw new StackStartException(name, logFile, "exited with code " + running.exitValue() + " before it was ready");
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
                }
                lastAnswer = "last answer " + response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException notListeningYet) {
                // connection refused until the HTTP server is up
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new StackStartException(name, logFile, "not ready after " + timeout.toSeconds() + " s on " + url()
                + "/q/health/ready (" + lastAnswer + ")");
    }

    /** SIGTERM, then a forced kill if the service has not exited within 30 s. */
    void stop() throws InterruptedException {
        Process running;
        synchronized (this) {
            running = process;
        }
        if (running == null) {
            return;
        }
        running.destroy();
        if (!running.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            System.getLogger(LocalStack.class.getName()).log(System.Logger.Level.WARNING,
                    name + " did not stop within " + STOP_GRACE.toSeconds() + " s, killing it");
            running.destroyForcibly().waitFor();
        }
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}
