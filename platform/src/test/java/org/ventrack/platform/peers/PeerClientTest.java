package org.ventrack.platform.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.problem.ProblemException;

import com.sun.net.httpserver.HttpServer;

class PeerClientTest {

    private HttpServer server;
    private final AtomicReference<String> seen = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/assessments", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            byte[] answer = "{\"status\":422}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(422, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/api/v1/export", exchange -> {
            seen.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Accept"));
            byte[] answer = "A,B\r\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void forwardsMethodPathBodyAndTokenAndReturnsThePeersOwnAnswer() {
        PeerClient client = new PeerClient(config(Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")),
                Duration.ofSeconds(5)));

        PeerResponse response = client.send(Peer.RESPONSE_SERVICE, "POST", "/api/v1/assessments?dryRun=true", "{\"a\":1}", "tok");

        assertEquals("POST /api/v1/assessments?dryRun=true Bearer tok application/json {\"a\":1}", seen.get());
        assertEquals(422, response.status());
        assertFalse(response.successful());
        assertEquals(Optional.of("application/problem+json"), response.contentType());
        assertEquals("{\"status\":422}", response.body());
    }

    @Test
    void aGetAsksForTheGivenMediaTypeAndStillAcceptsAProblem() {
        PeerClient client = new PeerClient(config(Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())),
                Duration.ofSeconds(5)));

        PeerResponse response = client.get(Peer.PK_SERVICE, "/api/v1/export/sdtm/PC?site=FR-RDB", "text/csv", "tok");

        assertEquals("GET /api/v1/export/sdtm/PC?site=FR-RDB text/csv, application/problem+json", seen.get());
        assertTrue(response.successful());
        assertEquals("A,B\r\n", response.body());
    }

    @Test
    void anUnconfiguredPeerIsA503NamingIt() {
        PeerClient client = new PeerClient(config(Optional.empty(), Duration.ofSeconds(5)));

        assertFalse(client.configured(Peer.PK_SERVICE));
        ProblemException e = assertThrows(ProblemException.class, () -> client.send(Peer.PK_SERVICE, "GET", "/x", null, "tok"));
        assertEquals(503, e.problem().status());
        assertTrue(e.problem().detail().contains("pk-service"), e.problem().detail());
    }

    @Test
    void anUnreachablePeerIsA503() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PeerClient client = new PeerClient(config(Optional.of(URI.create("http://127.0.0.1:" + closedPort)), Duration.ofSeconds(5)));

        ProblemException e = assertThrows(ProblemException.class,
                () -> client.send(Peer.RESPONSE_SERVICE, "GET", "/api/v1/whoami", null, "tok"));
        assertEquals(503, e.problem().status());
    }

    @Test
    void aSlowPeerIsA504() {
        PeerClient client = new PeerClient(config(Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())),
                Duration.ofMillis(300)));

        ProblemException e = assertThrows(ProblemException.class, () -> client.send(Peer.RESPONSE_SERVICE, "GET", "/slow", null, "tok"));
        assertEquals(504, e.problem().status());
    }

    private static PeersConfig config(Optional<URI> url, Duration requestTimeout) {
        return new PeersConfig() {
            @Override
            public Optional<URI> responseService() {
                return url;
            }

            @Override
            public Optional<URI> pkService() {
                return url;
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration requestTimeout() {
                return requestTimeout;
            }
        };
    }
}
