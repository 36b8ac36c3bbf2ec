package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Events written through patient-service's outbox reach the three consuming services through the real broker. */
class CrossServiceEventsTest {

    private static final List<String> CONSUMERS = List.of("response-service", "pk-service", "survival-service");
    private static final List<String> ALL_SERVICES = List.of("patient-service", "response-service", "pk-service",
            "survival-service");
    private static LocalStack stack;
    private static String investigator;

    @BeforeAll
    static void startStack() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = StackFixture.start();
        investigator = stack.token("investigator");
        given().auth().oauth2(stack.token("admin")).contentType(ContentType.JSON)
                .body(Map.of("code", "FR-RDB", "name", "Robert-Debré", "country", "FR"))
                .post(stack.serviceUrl("patient-service") + "/api/v1/sites").then().statusCode(201);
    }

    @AfterAll
    static void stopStack() throws Exception {
        StackFixture.stop(stack);
    }

    @Test
    void aTokenPrintedByTheStackWorksOnEveryService() {
        String siteUser = stack.token("site-user", "FR-RDB");
        for (String service : LocalStack.SERVICES) {
            given().auth().oauth2(siteUser).get(stack.serviceUrl(service) + "/api/v1/whoami")
                    .then().statusCode(200).body("sites[0]", equalTo("FR-RDB"));
            given().get(stack.serviceUrl(service) + "/api/v1/whoami").then().statusCode(401);
            given().get(stack.serviceUrl(service) + "/q/openapi").then().statusCode(200);
        }
    }

    @Test
    void aPatientRegisteredInPatientServiceIsAppliedOnceByEachConsumer() {
        String patient = register("FLOW-1");

        for (String service : CONSUMERS) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(investigator)
                    .get(stack.serviceUrl(service) + "/api/v1/patients/" + patient + "/facts")
                    .then().statusCode(200).body("eventsApplied", equalTo(1)).body("upn", equalTo("FLOW-1")));
        }
    }

    @Test
    void writesDuringABrokerOutageAreAcceptedAndAllArriveOnce() throws Exception {
        stack.kafka().stop();
        List<String> patients = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                patients.add(register("OUTAGE-" + i));
            }
            // readiness means "can serve requests": no service leaves rotation because the broker is away
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                    .get(stack.serviceUrl("patient-service") + "/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("DOWN")));
            for (String service : ALL_SERVICES) {
                given().get(stack.serviceUrl(service) + "/q/health/ready").then().statusCode(200)
                        .body("status", equalTo("UP"));
            }
        } finally {
            stack.kafka().start(Duration.ofSeconds(120));
        }
        assertEquals(200, new HashSet<>(patients).size());

        for (String service : CONSUMERS) {
            Set<String> waiting = new HashSet<>(patients);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                waiting.removeIf(patient -> given().auth().oauth2(investigator)
                        .get(stack.serviceUrl(service) + "/api/v1/patients/" + patient + "/facts").statusCode() == 200);
                return waiting.isEmpty();
            });
            for (String patient : patients) {
                int applied = given().auth().oauth2(investigator)
                        .get(stack.serviceUrl(service) + "/api/v1/patients/" + patient + "/facts")
                        .then().statusCode(200).extract().path("eventsApplied");
                assertEquals(1, applied, service + " applied the registration of " + patient + " " + applied + " times");
            }
        }
        String metrics = given().get(stack.serviceUrl("patient-service") + "/q/metrics").asString();
        assertTrue(metrics.contains("ventrack_outbox_published_total"), "outbox metrics are exported");
    }

    private static String register(String upn) {
        return given().auth().oauth2(investigator).contentType(ContentType.JSON)
                .body(Map.of("siteCode", "FR-RDB", "upn", upn, "sex", "MALE", "birthDate", "2019-02-11",
                        "diagnosis", "REFRACTORY_AML"))
                .post(stack.serviceUrl("patient-service") + "/api/v1/patients")
                .then().statusCode(201).extract().path("id");
    }
}
