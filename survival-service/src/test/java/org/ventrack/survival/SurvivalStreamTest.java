package org.ventrack.survival;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.InjectInfrastructure;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.PatientEvents;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Subscribers of GET stream hear of committed changes of the patients of their sites, and of no others. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SurvivalStreamTest {

    private static final String SITE = "FR-SSE";
    private static final LocalDate START = LocalDate.of(2024, 3, 4);
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectInfrastructure
    Infrastructure infrastructure;

    @TestHTTPResource("/api/v1/survival/stream")
    URI streamUri;

    /** One server-sent event: its name and its data as JSON. */
    record Received(String name, JsonNode data) {
    }

    @Test
    void aDeathIsPushedToTheSubscribersOfThePatientsSiteOnly() throws Exception {
        UUID patient = UUID.randomUUID();
        PatientEvents.send(infrastructure, PatientEvents.registered(patient, SITE, "SSE-1", LocalDate.of(2015, 2, 1)));
        PatientEvents.send(infrastructure, PatientEvents.course(patient, UUID.randomUUID(), START, "VEN_HMA", 0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.investigator())
                .get("/api/v1/survival/patients/" + patient).then().statusCode(200)
                .body("venetoclaxStart", equalTo(START.toString())));

        try (Subscriber sameSite = new Subscriber(TestTokens.siteUser(SITE));
                Subscriber otherSite = new Subscriber(TestTokens.siteUser("FR-SSE-OTHER"))) {
            Received first = sameSite.next(Duration.ofSeconds(10));
            assertEquals("subscribed", first.name());
            assertEquals(1, first.data().at("/os/n").asInt());
            assertEquals(0, first.data().at("/os/events").asInt());
            assertEquals("subscribed", otherSite.next(Duration.ofSeconds(10)).name());

            PatientEvents.send(infrastructure, PatientEvents.clinicalEvent(patient, UUID.randomUUID(), "DEATH",
                    START.plusDays(200), 0));

            Received changed = sameSite.next(Duration.ofSeconds(30));
            assertNotNull(changed, "no km-changed within 30 s");
            assertEquals("km-changed", changed.name());
            assertEquals(patient.toString(), changed.data().get("patientId").asText());
            assertEquals(1, changed.data().at("/os/events").asInt());
            assertEquals(200, changed.data().at("/os/median").asDouble(), 1e-9);
            assertEquals(1, changed.data().at("/efs/events").asInt());
            // another site's subscriber is told nothing, not even that something changed
            assertNull(otherSite.next(Duration.ofSeconds(2)));
        }
    }

    @Test
    void theStreamNeedsAToken() {
        given().get("/api/v1/survival/stream").then().statusCode(401);
    }

    /** Reads a stream on its own thread into a queue of events. */
    private final class Subscriber implements AutoCloseable {

        private final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;

        Subscriber(String token) {
            HttpRequest request = HttpRequest.newBuilder(streamUri).header("Authorization", TestTokens.bearer(token))
                    .header("Accept", "text/event-stream").build();
            response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            response.thenAcceptAsync(r -> {
                String[] name = { "message" };
                r.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        name[0] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        try {
                            events.add(new Received(name[0], JSON.readTree(line.substring(5).trim())));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    } else if (line.isEmpty()) {
                        name[0] = "message";
                    }
                });
            });
        }

        /** The next event, or null when none came in time. */
        Received next(Duration wait) throws InterruptedException {
            return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }
}
