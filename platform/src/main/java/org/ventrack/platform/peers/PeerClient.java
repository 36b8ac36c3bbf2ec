package org.ventrack.platform.peers;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ventrack.platform.problem.Problem;
import org.ventrack.platform.problem.ProblemException;

/**
 * Calls another VenTrack service's REST API with the caller's own bearer token, so the peer applies its validation,
 * site scoping and audit as if the caller had called it. A peer's own answer, 4xx included, is returned as it came;
 * a peer that is not configured, unreachable or too slow becomes a 503 or 504 problem naming it.
 */
@ApplicationScoped
public class PeerClient {

    private final PeersConfig config;
    private final HttpClient http;

    @Inject
    public PeerClient(PeersConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends {@code method pathAndQuery} (e.g. {@code POST /api/v1/assessments}) with a JSON body, or none when null. */
    public PeerResponse send(Peer peer, String method, String pathAndQuery, String jsonBody, String bearerToken) {
        return send(peer, method, pathAndQuery, jsonBody, "application/json, application/problem+json", bearerToken);
    }

    /** {@code GET pathAndQuery} asking for {@code accept} (e.g. {@code text/csv}); a peer's problem still comes back. */
    public PeerResponse get(Peer peer, String pathAndQuery, String accept, String bearerToken) {
        return send(peer, "GET", pathAndQuery, null, accept + ", application/problem+json", bearerToken);
    }

    private PeerResponse send(Peer peer, String method, String pathAndQuery, String jsonBody, String accept,
            String bearerToken) {
        Objects.requireNonNull(bearerToken, "bearerToken");
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("pathAndQuery must start with /: " + pathAndQuery);
        }
        URI base = baseUrl(peer);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(base.toString()) + pathAndQuery))
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", accept);
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new PeerResponse(response.statusCode(), response.headers().firstValue("Content-Type"), response.body());
        } catch (HttpTimeoutException e) {
            throw unavailable(504, "peer-timeout", peer.serviceName() + " did not answer in time; nothing further was sent to it.");
        } catch (ConnectException e) {
            throw unavailable(503, "peer-unavailable", peer.serviceName() + " is unreachable; retry later.");
        } catch (IOException e) {
            throw unavailable(503, "peer-unavailable", peer.serviceName() + " closed the connection; retry later.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(503, "peer-unavailable", "Interrupted while waiting for " + peer.serviceName() + ".");
        }
    }

    /** Whether this service knows where the peer is. */
    public boolean configured(Peer peer) {
        return url(peer).isPresent();
    }

    private URI baseUrl(Peer peer) {
        return url(peer).orElseThrow(() -> unavailable(503, "peer-unavailable",
                peer.serviceName() + " is not configured here (ventrack.peers." + peer.serviceName() + ")."));
    }

    private java.util.Optional<URI> url(Peer peer) {
        return switch (peer) {
            case RESPONSE_SERVICE -> config.responseService();
            case PK_SERVICE -> config.pkService();
        };
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static ProblemException unavailable(int status, String type, String detail) {
        return new ProblemException(Problem.of(status, type, status == 504 ? "Peer service timed out" : "Peer service unavailable", detail));
    }
}
