package org.ventrack.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ventrack.patient.Fixtures.START;
import static org.ventrack.patient.Fixtures.as;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Every endpoint, every role: who may read, who may write, and what another site's data looks like. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SiteScopingTest {

    private static final String HOME = "FR-HOME";
    private static final String AWAY = "FR-AWAY";
    private static final List<String> RECORDS = List.of("measurements", "treatment-courses", "comedications",
            "clinical-events", "adverse-events");
    private static String patient;

    /** Once per class, but after Quarkus has set the test port (a static @BeforeAll runs before that). */
    @BeforeEach
    void data() {
        if (patient != null) {
            return;
        }
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.site(HOME);
        Fixtures.site(AWAY);
        patient = Fixtures.treated(HOME, "SCOPE-1");
        String away = Fixtures.treated(AWAY, "SCOPE-AWAY");
        Fixtures.post(away, "clinical-events", Fixtures.event("LAST_FOLLOW_UP", START.plusDays(30)));
    }

    private static Map<String, Object> bodyFor(String records) {
        return switch (records) {
            case "measurements" -> Map.of("measuredOn", "2024-01-10", "weightKg", 20, "heightCm", 110);
            case "treatment-courses" -> Fixtures.course(START.plusDays(60), "VEN_MONO", 1);
            case "comedications" -> Map.of("drug", "itraconazole", "startDate", "2024-01-20");
            case "clinical-events" -> Fixtures.event("RELAPSE", START.plusDays(90));
            default -> Fixtures.adverseEvent("Fatigue", 1, START.plusDays(5), false);
        };
    }

    private static List<String> reads() {
        List<String> paths = new java.util.ArrayList<>(List.of("/api/v1/patients/" + patient,
                "/api/v1/patients/" + patient + "/history"));
        RECORDS.forEach(r -> paths.add("/api/v1/patients/" + patient + "/" + r));
        return paths;
    }

    @Test
    void everyRoleReadsAHomePatientButASiteUserOfAnotherSiteDoesNotSeeIt() {
        for (String path : reads()) {
            for (String token : List.of(TestTokens.siteUser(HOME), TestTokens.investigator(), TestTokens.statistician(),
                    TestTokens.admin())) {
                as(token).get(path).then().statusCode(200);
            }
            as(TestTokens.siteUser(AWAY)).get(path).then().statusCode(404).contentType("application/problem+json");
            given().get(path).then().statusCode(401);
        }
    }

    @Test
    void onlySiteUsersOfTheSiteAndInvestigatorsWrite() {
        for (String records : RECORDS) {
            String path = "/api/v1/patients/" + patient + "/" + records;
            as(TestTokens.statistician()).body(bodyFor(records)).post(path).then().statusCode(403);
            as(TestTokens.admin()).body(bodyFor(records)).post(path).then().statusCode(403);
            as(TestTokens.siteUser(AWAY)).body(bodyFor(records)).post(path).then().statusCode(404);
            given().contentType("application/json").body(bodyFor(records)).post(path).then().statusCode(401);
            as(TestTokens.siteUser(HOME)).body(bodyFor(records)).post(path).then().statusCode(201);
        }
        String etag = as(TestTokens.investigator()).get("/api/v1/patients/" + patient).header("ETag");
        for (String token : List.of(TestTokens.statistician(), TestTokens.admin())) {
            as(token).header("If-Match", etag).body(Fixtures.patient(HOME, "SCOPE-1"))
                    .put("/api/v1/patients/" + patient).then().statusCode(403);
        }
        as(TestTokens.siteUser(AWAY)).header("If-Match", etag).body(Fixtures.patient(AWAY, "SCOPE-1"))
                .put("/api/v1/patients/" + patient).then().statusCode(404);
        as(TestTokens.siteUser(HOME)).header("If-Match", etag).body(Fixtures.patient(AWAY, "SCOPE-1"))
                .put("/api/v1/patients/" + patient).then().statusCode(403);
        as(TestTokens.siteUser(HOME)).header("If-Match", etag).body(Fixtures.patient(HOME, "SCOPE-1"))
                .put("/api/v1/patients/" + patient).then().statusCode(200);
    }

    @Test
    void listsTablesAndExportsAreLimitedToTheCallersSites() {
        as(TestTokens.siteUser(HOME)).get("/api/v1/patients?size=200").then().statusCode(200)
                .body("items.siteCode", everyItem(equalTo(HOME)));
        as(TestTokens.siteUser(HOME)).get("/api/v1/patients?site=" + AWAY).then().statusCode(200).body("total", equalTo(0));
        int homeCount = as(TestTokens.investigator()).get("/api/v1/patients?site=" + HOME).then().extract().path("total");
        as(TestTokens.siteUser(HOME)).get("/api/v1/cohort/characteristics").then().statusCode(200)
                .body("n", equalTo(homeCount));
        as(TestTokens.siteUser(AWAY)).get("/api/v1/cohort/characteristics?site=" + HOME).then().statusCode(200)
                .body("n", equalTo(0));
        as(TestTokens.siteUser(HOME)).get("/api/v1/cohort/toxicities").then().statusCode(200);
        for (String file : List.of("patients.csv", "treatment-courses.csv", "clinical-events.csv")) {
            String csv = as(TestTokens.siteUser(HOME)).get("/api/v1/export/" + file).then().statusCode(200)
                    .contentType("text/csv").extract().asString();
            assertFalse(csv.contains(AWAY), file + " leaks another site");
            String all = as(TestTokens.statistician()).get("/api/v1/export/" + file).then().statusCode(200).extract().asString();
            assertTrue(all.contains(AWAY), file + " shows every site to a statistician");
        }
        String patients = as(TestTokens.siteUser(HOME)).get("/api/v1/export/patients.csv").asString();
        assertEquals("patient_id", patients.lines().findFirst().orElseThrow().split(",")[0]);
        as(TestTokens.siteUser(HOME)).get("/api/v1/export/patients.csv").then()
                .body(not(org.hamcrest.Matchers.containsString("SCOPE-AWAY")));
    }
}
