package org.ventrack.patient;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.InjectInfrastructure;
import org.ventrack.platform.testing.TopicReader;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ReadinessTest {

    @InjectInfrastructure
    Infrastructure infrastructure;

    @Test
    void readinessCoversTheDatabaseAndWellnessTheBroker() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem(containsString("Kafka"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("UP")));
    }

    /**
     * Writes go through the outbox, so a broker outage must not take the service out of rotation: readiness stays UP,
     * the broker is reported down in the wellness group and the gauge, a registration is accepted, and its event
     * leaves once the broker is back.
     */
    @Test
    void readinessStaysUpWhileTheBrokerIsAwayAndTheOutageIsReported() throws Exception {
        Fixtures.site("FR-OUT");
        String id;
        infrastructure.stopBroker();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("DOWN")));
            for (int i = 0; i < 3; i++) {
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
                Thread.sleep(1_000);
            }
            given().get("/q/health/live").then().statusCode(200);
            assertTrue(given().get("/q/metrics").asString().contains("ventrack_kafka_broker_reachable 0.0"));
            id = Fixtures.register("FR-OUT", "OUT-1");
        } finally {
            infrastructure.startBroker();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/well").then().statusCode(200));
        String patient = id;
        assertEquals(1, TopicReader.read(infrastructure.bootstrapServers(), Topics.PATIENT, r -> patient.equals(r.key()), 1,
                Duration.ofSeconds(60)).size());
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachableAndUpAfter() {
        infrastructure.stopDatabase();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .statusCode(503).body("status", equalTo("DOWN")));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            infrastructure.startDatabase();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200).body("status", equalTo("UP")));
    }
}
