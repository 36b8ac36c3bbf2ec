package org.ventrack.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.ventrack.response.Fixtures.START;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.InjectInfrastructure;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Every endpoint, every role: who may read, who may write, and what another site's data looks like. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SiteScopingTest {

    private static final String HOME = "FR-SCOPE-HOME";
    private static final String AWAY = "FR-SCOPE-AWAY";
    private static UUID patient;
    private static String assessment;

    @InjectInfrastructure
    Infrastructure infrastructure;

    @BeforeEach
    void data() {
        Fixtures.configureRestAssured();
        if (patient != null) {
            return;
        }
        patient = Fixtures.treatedPatient(infrastructure, HOME, "VEN_CHEMO");
        Fixtures.record(Fixtures.baseline(patient, 30));
        assessment = Fixtures.record(Fixtures.completeRemission(patient, 28));
        UUID away = Fixtures.treatedPatient(infrastructure, AWAY, "VEN_MONO");
        Fixtures.record(Fixtures.baseline(away, 30));
        Fixtures.record(Fixtures.assessment(away, START.plusDays(28), "blastPercent", 35));
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
    void everyReadIsLimitedToTheCallersSites() {
        List<String> reads = List.of("/api/v1/assessments/" + assessment, "/api/v1/assessments/" + assessment + "/classifications",
                "/api/v1/patients/" + patient + "/assessments", "/api/v1/patients/" + patient + "/responses",
                "/api/v1/patients/" + patient + "/history", "/api/v1/patients/" + patient + "/facts");
        for (String path : reads) {
            readers().forEach((token, status) -> given().auth().oauth2(token).get(path).then().statusCode(status));
            given().get(path).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void onlySiteUsersOfTheSiteAndInvestigatorsWrite() {
        Map<String, Integer> writers = new LinkedHashMap<>();
        writers.put(TestTokens.siteUser(HOME), 201);
        writers.put(TestTokens.siteUser(AWAY), 404);
        writers.put(TestTokens.investigator(), 201);
        writers.put(TestTokens.statistician(), 403);
        writers.put(TestTokens.admin(), 403);
        writers.forEach((token, status) -> {
            String id = Fixtures.post(token, Fixtures.completeRemission(patient, 60)).statusCode(status)
                    .extract().path("id");
            if (status == 201) {
                write(token).header("If-Match", "\"0\"").body(Fixtures.completeRemission(patient, 61))
                        .put("/api/v1/assessments/" + id).then().statusCode(200);
                write(token).header("If-Match", "\"1\"").delete("/api/v1/assessments/" + id).then().statusCode(204);
            } else {
                write(token).header("If-Match", "\"0\"").body(Fixtures.completeRemission(patient, 28))
                        .put("/api/v1/assessments/" + assessment).then().statusCode(status);
                write(token).header("If-Match", "\"0\"").delete("/api/v1/assessments/" + assessment).then().statusCode(status);
            }
        });
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/assessments/" + assessment).then()
                .statusCode(200).body("version", equalTo(0));
    }

    @Test
    void ratesAndTheCohortSummaryCountOnlyTheCallersSites() {
        given().auth().oauth2(TestTokens.siteUser(HOME)).get("/api/v1/response-rates").then().statusCode(200)
                .body("groups[0].n", equalTo(1)).body("groups[0].overallResponse.count", equalTo(1));
        given().auth().oauth2(TestTokens.siteUser(AWAY)).get("/api/v1/response-rates").then().statusCode(200)
                .body("groups[0].n", equalTo(1)).body("groups[0].overallResponse.count", equalTo(0));
        given().auth().oauth2(TestTokens.siteUser(HOME)).queryParam("site", AWAY).get("/api/v1/response-rates")
                .then().statusCode(200).body("groups[0].n", equalTo(0));
        given().auth().oauth2(TestTokens.siteUser(AWAY)).get("/api/v1/cohort/response-summary").then().statusCode(200)
                .body("n", equalTo(1)).body("bestResponse.counts.NR", equalTo(1));
        given().auth().oauth2(TestTokens.statistician()).queryParam("groupBy", "site").get("/api/v1/response-rates")
                .then().statusCode(200)
                .body("groups.find { it.group == '" + HOME + "' }.n", equalTo(1))
                .body("groups.find { it.group == '" + AWAY + "' }.n", equalTo(1));
    }

    private static RequestSpecification write(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
