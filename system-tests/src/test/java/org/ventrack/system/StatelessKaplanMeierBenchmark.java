package org.ventrack.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

/**
 * Not a test (surefire does not pick up *Benchmark): POST /api/v1/survival/kaplan-meier with 1,000,000 subjects
 * (exponential times, 10 % censored, two groups) end to end against the packaged survival-service: JSON streamed in,
 * Kaplan-Meier with log CI per group, log-rank, JSON out. Warm-up, then the median of 5 requests, for JSON and CSV.
 * Run with {@code ./mvnw -pl system-tests verify -Dtest=StatelessKaplanMeierBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StatelessKaplanMeierBenchmark {

    private static final int SUBJECTS = 1_000_000;

    @Test
    void measure() throws Exception {
        LocalStack stack = StackFixture.start();
        try {
            for (String service : List.of("patient-service", "response-service", "pk-service")) {
                ProcessHandle.of(stack.serviceProcessId(service)).ifPresent(ProcessHandle::destroy);
            }
            String url = stack.serviceUrl("survival-service") + "/api/v1/survival/kaplan-meier";
            String token = stack.token("statistician");
            Random random = new Random(20251125);
            StringBuilder json = new StringBuilder(SUBJECTS * 50).append("{\"confType\":\"log\",\"subjects\":[");
            StringBuilder csv = new StringBuilder(SUBJECTS * 30).append("time,event,group\n");
            for (int i = 0; i < SUBJECTS; i++) {
                String time = String.format(Locale.ROOT, "%.6f", -Math.log(random.nextDouble()) * 365);
                boolean event = random.nextDouble() >= 0.10;
                String group = (i & 1) == 0 ? "A" : "B";
                json.append(i == 0 ? "" : ",").append("{\"time\":").append(time).append(",\"event\":").append(event)
                        .append(",\"group\":\"").append(group).append("\"}");
                csv.append(time).append(',').append(event ? 1 : 0).append(',').append(group).append('\n');
            }
            byte[] jsonBody = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            byte[] csvBody = csv.toString().getBytes(StandardCharsets.UTF_8);
            HttpClient http = HttpClient.newHttpClient();
            for (var body : List.of(new Object[] { "application/json", jsonBody, "" },
                    new Object[] { "application/json", jsonBody, "?steps=false&times=365" },
                    new Object[] { "text/csv", csvBody, "" })) {
                String type = (String) body[0];
                byte[] bytes = (byte[]) body[1];
                String query = (String) body[2];
                List<Long> millis = new ArrayList<>();
                long responseBytes = 0;
                for (int run = 0; run < 8; run++) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url + query))
                            .header("Authorization", "Bearer " + token).header("Content-Type", type)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    long elapsed = (System.nanoTime() - start) / 1_000_000;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status " + response.statusCode() + ": " + new String(response.body()));
                    }
                    responseBytes = response.body().length;
                    if (run >= 3) {
                        millis.add(elapsed);
                    }
                }
                millis.sort(null);
                System.out.printf("POST kaplan-meier%s %s, %,d subjects (%,d MB in, %,d MB out): median %d ms (min %d, max %d)%n",
                        query, type, SUBJECTS, bytes.length / 1_000_000, responseBytes / 1_000_000, millis.get(millis.size() / 2),
                        millis.get(0), millis.get(millis.size() - 1));
            }
        } finally {
            StackFixture.stop(stack);
        }
    }
}
