package org.ventrack.pk;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** The platform's in-flight bound (InFlightLimit), here at one request, with a request held open on a raw socket. */
@QuarkusTest
@TestProfile(InFlightLimitTest.OneAtATime.class)
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class InFlightLimitTest {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ventrack.http.max-in-flight", "1");
        }
    }

    @Test
    void aRequestBeyondTheBoundIsAClean503AndTheSlotIsFreedWhenTheHeldRequestGoesAway() throws Exception {
        String token = TestTokens.investigator();
        given().auth().oauth2(token).get("/api/v1/whoami").then().statusCode(200);
        try (Socket held = new Socket("127.0.0.1", RestAssured.port)) {
            // headers announcing a body that never comes: the request stays in flight
            OutputStream out = held.getOutputStream();
            out.write(("POST /api/v1/pk/samples HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(token).get("/api/v1/whoami")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "1")
                    .body("type", equalTo("https://ventrack.org/problems/overloaded")));
            // probes are not counted
            given().get("/q/health/live").then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(token).get("/api/v1/whoami")
                .then().statusCode(200));
    }
}
