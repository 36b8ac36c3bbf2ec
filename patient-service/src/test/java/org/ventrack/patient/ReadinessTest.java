package org.ventrack.patient;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.InjectInfrastructure;
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
    void readinessCoversTheDatabaseAndTheBroker() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
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
