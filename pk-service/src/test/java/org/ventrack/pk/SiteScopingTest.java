package org.ventrack.pk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.InjectInfrastructure;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.PatientEvents;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every pk endpoint, every role: a site user of the patient's site, a site user of another site, an investigator, a
 * statistician (reads every site, writes nothing) and an admin (likewise); anonymous callers get 401.
 */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SiteScopingTest {

    private static final String HOME = "FR-PKSCOPE-HOME";
    private static final String AWAY = "FR-PKSCOPE-AWAY";
    private static final LocalDate START = LocalDate.of(2024, 1, 15);
    private static UUID patient;
    private static UUID awayPatient;
    private static String sample;

    @InjectInfrastructure
    Infrastructure infrastructure;

    @BeforeEach
    void data() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (patient != null) {
            return;
        }
        patient = treated(HOME);
        sample = post(TestTokens.investigator(), trough(patient, 9, 4000)).statusCode(201).extract().path("id");
        post(TestTokens.investigator(), trough(patient, 16, 3900)).statusCode(201);
        awayPatient = treated(AWAY);
        post(TestTokens.investigator(), trough(awayPatient, 9, 5000)).statusCode(201);
    }

    private UUID treated(String site) {
        UUID id = UUID.randomUUID();
        PatientEvents.send(infrastructure, PatientEvents.registered(id, site, "SC-" + id, LocalDate.of(2016, 5, 1)));
        PatientEvents.send(infrastructure, PatientEvents.courseWithDose(id, UUID.randomUUID(), START, "VEN_HMA", 250));
        PatientEvents.send(infrastructure, PatientEvents.measurement(id, START.minusDays(2), 20, 115));
        PatientEvents.awaitEventsApplied(id, 3, TestTokens.investigator());
        return id;
    }

    /** A trough (above the reference range, so it raises an alert) on course day {@code day + 1}. */
    private static Map<String, Object> trough(UUID patient, int day, double concentration) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", patient.toString());
        body.put("sampledAt", START.plusDays(day).atTime(8, 0).toString());
        body.put("lastDoseAt", START.plusDays(day - 1).atTime(8, 0).toString());
        body.put("dailyDoseMg", 250);
        body.put("concentrationNgPerMl", concentration);
        body.put("kind", "TROUGH");
        return body;
    }

    private static io.restassured.response.ValidatableResponse post(String token, Map<String, Object> body) {
        return json(token).body(body).post("/api/v1/pk/samples").then();
    }

    private static RequestSpecification json(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Callers and the status each gets for a read of the home patient's data. */
    private static Map<String, Integer> readers() {
        Map<String, Integer> readers = new LinkedHashMap<>();
        readers.put(TestTokens.siteUser(HOME), 200);
        readers.put(TestTokens.siteUser(AWAY), 404);
        readers.put(TestTokens.investigator(), 200);
        readers.put(TestTokens.statistician(), 200);
        readers.put(TestTokens.admin(), 200);
        return readers;
    }

    @Test
    void everyReadOfAPatientsDataIsLimitedToTheCallersSites() {
        List<String> reads = List.of("/api/v1/pk/samples/" + sample, "/api/v1/patients/" + patient + "/pk-samples",
                "/api/v1/patients/" + patient + "/history", "/api/v1/patients/" + patient + "/facts",
                "/api/v1/pk/patients/" + patient + "/individual-estimate");
        for (String path : reads) {
            readers().forEach((token, status) -> given().auth().oauth2(token).get(path).then().statusCode(status));
            given().get(path).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void aDoseRecommendationForAPatientIsLimitedToTheCallersSites() {
        Map<String, Object> body = Map.of("patientId", patient.toString(), "date", "2024-01-25");
        readers().forEach((token, status) -> json(token).body(body).post("/api/v1/pk/dose-recommendation").then()
                .statusCode(status));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/pk/dose-recommendation").then().statusCode(401);
    }

    @Test
    void onlySiteUsersOfTheSiteAndInvestigatorsWriteSamples() {
        Map<String, Integer> writers = new LinkedHashMap<>();
        writers.put(TestTokens.siteUser(HOME), 201);
        writers.put(TestTokens.siteUser(AWAY), 404);
        writers.put(TestTokens.investigator(), 201);
        writers.put(TestTokens.statistician(), 403);
        writers.put(TestTokens.admin(), 403);
        writers.forEach((token, status) -> {
            String id = post(token, trough(patient, 30, 300)).statusCode(status).extract().path("id");
            if (status == 201) {
                json(token).header("If-Match", "\"0\"").body(trough(patient, 30, 310)).put("/api/v1/pk/samples/" + id)
                        .then().statusCode(200);
                json(token).header("If-Match", "\"1\"").delete("/api/v1/pk/samples/" + id).then().statusCode(204);
            } else {
                json(token).header("If-Match", "\"0\"").body(trough(patient, 9, 300)).put("/api/v1/pk/samples/" + sample)
                        .then().statusCode(status).contentType("application/problem+json");
                json(token).header("If-Match", "\"0\"").delete("/api/v1/pk/samples/" + sample).then().statusCode(status);
            }
        });
        Number kept = given().auth().oauth2(TestTokens.investigator()).get("/api/v1/pk/samples/" + sample).then()
                .statusCode(200).body("version", equalTo(0)).extract().path("concentrationNgPerMl");
        assertEquals(4000, kept.doubleValue(), 0);
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/pk-samples").then()
                .body("total", equalTo(2));
        given().contentType(ContentType.JSON).body(trough(patient, 30, 300)).post("/api/v1/pk/samples").then()
                .statusCode(401);
    }

    @Test
    void alertsAreListedForTheCallersSitesAndAcknowledgedOnlyByTheirClinicians() {
        String homeAlerts = "items.findAll { it.patientId == '" + patient + "' }";
        String awayAlerts = "items.findAll { it.patientId == '" + awayPatient + "' }";
        given().auth().oauth2(TestTokens.siteUser(HOME)).get("/api/v1/pk/alerts").then().statusCode(200)
                .body(homeAlerts + ".kind", containsInAnyOrder("FLAGGED_SAMPLE", "FLAGGED_SAMPLE"))
                .body(awayAlerts, empty()).body("items.siteCode", everyItem(equalTo(HOME)));
        given().auth().oauth2(TestTokens.siteUser(HOME)).queryParam("site", AWAY).get("/api/v1/pk/alerts").then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.siteUser(AWAY)).get("/api/v1/pk/alerts").then().statusCode(200)
                .body(homeAlerts, empty()).body(awayAlerts + ".kind", containsInAnyOrder("FLAGGED_SAMPLE"));
        for (String token : List.of(TestTokens.investigator(), TestTokens.statistician(), TestTokens.admin())) {
            given().auth().oauth2(token).queryParam("site", HOME).queryParam("status", "all").get("/api/v1/pk/alerts")
                    .then().statusCode(200).body(homeAlerts + ".size()", equalTo(2));
            given().auth().oauth2(token).queryParam("site", AWAY).get("/api/v1/pk/alerts").then().statusCode(200)
                    .body(awayAlerts + ".size()", equalTo(1));
        }
        given().get("/api/v1/pk/alerts").then().statusCode(401);

        List<String> alerts = given().auth().oauth2(TestTokens.siteUser(HOME)).get("/api/v1/pk/alerts").then()
                .extract().path(homeAlerts + ".id");
        Map<String, Integer> refused = new LinkedHashMap<>();
        refused.put(TestTokens.siteUser(AWAY), 404);
        refused.put(TestTokens.statistician(), 403);
        refused.put(TestTokens.admin(), 403);
        refused.forEach((token, status) -> given().auth().oauth2(token).post("/api/v1/pk/alerts/" + alerts.get(0) + "/ack")
                .then().statusCode(status).contentType("application/problem+json"));
        given().post("/api/v1/pk/alerts/" + alerts.get(0) + "/ack").then().statusCode(401);
        given().auth().oauth2(TestTokens.siteUser(HOME)).post("/api/v1/pk/alerts/" + alerts.get(0) + "/ack").then()
                .statusCode(200).body("acknowledgedBy", equalTo("site-user-" + HOME));
        given().auth().oauth2(TestTokens.investigator()).post("/api/v1/pk/alerts/" + alerts.get(1) + "/ack").then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.siteUser(HOME)).queryParam("status", "acknowledged").get("/api/v1/pk/alerts")
                .then().body(homeAlerts + ".size()", equalTo(2));
    }

    @Test
    void theMonitoringTableCountsOnlyTheCallersSites() {
        given().auth().oauth2(TestTokens.siteUser(HOME)).get("/api/v1/pk/monitoring").then().statusCode(200)
                .body("all.n", equalTo(2));
        given().auth().oauth2(TestTokens.siteUser(HOME)).queryParam("site", AWAY).get("/api/v1/pk/monitoring").then()
                .statusCode(200).body("all.n", equalTo(0));
        given().auth().oauth2(TestTokens.siteUser(AWAY)).get("/api/v1/pk/monitoring").then().statusCode(200)
                .body("all.n", equalTo(1));
        for (String token : List.of(TestTokens.investigator(), TestTokens.statistician(), TestTokens.admin())) {
            given().auth().oauth2(token).queryParam("site", HOME).get("/api/v1/pk/monitoring").then().statusCode(200)
                    .body("all.n", equalTo(2));
            given().auth().oauth2(token).queryParam("site", AWAY).get("/api/v1/pk/monitoring").then().statusCode(200)
                    .body("all.n", equalTo(1));
        }
        given().get("/api/v1/pk/monitoring").then().statusCode(401);
    }
}
