package org.ventrack.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few clients writing to one service in closed loops until stopped, keeping every answer: what a drill reconciles
 * against afterwards. Each client sends one request after the other, so the load follows what the service can take.
 */
final class SustainedWrites implements AutoCloseable {

    /**
     * One answer: what was written, the write's sequence number, when it was sent, its status (0 when no HTTP answer
     * came) and headers and body.
     */
    record Outcome(String what, int sequence, long sentAtMillis, int status, String contentType, String retryAfter, String body) {
    }

    /** What the n-th write is; may send several requests (e.g. a registration, then a record of the patient). */
    interface Step {
        List<Outcome> run(int sequence, HttpClient http) throws InterruptedException;
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService clients;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sequence = new AtomicInteger();
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final long startedAt = System.nanoTime();

    private SustainedWrites(int clientCount, Step step) {
        clients = Executors.newFixedThreadPool(clientCount);
        for (int i = 0; i < clientCount; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    try {
                        outcomes.addAll(step.run(sequence.getAndIncrement(), http));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
    }

    static SustainedWrites start(int clients, Step step) {
        return new SustainedWrites(clients, step);
    }

    /** POSTs {@code json} and returns the answer; a connection failure is an outcome with status 0. */
    static Outcome post(HttpClient http, String what, int sequence, String url, String token, String json) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        long sentAt = System.currentTimeMillis();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(what, sequence, sentAt, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (IOException e) {
            return new Outcome(what, sequence, sentAt, 0, null, null, e.toString());
        }
    }

    /** Stops the clients and waits for their requests in flight. */
    List<Outcome> stop() throws InterruptedException {
        running.set(false);
        clients.shutdown();
        if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("writers still running 60 s after stop");
        }
        return new ArrayList<>(outcomes);
    }

    long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
    }

    @Override
    public void close() throws InterruptedException {
        if (running.get()) {
            stop();
        }
    }

    /** The ids in the bodies of the answers to {@code what} with {@code status}. */
    static List<String> ids(List<Outcome> outcomes, String what, int status) {
        return outcomes.stream().filter(o -> o.what().equals(what) && o.status() == status).map(o -> idOf(o.body())).toList();
    }

    static String idOf(String body) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(body);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return id.group(1);
    }
}
