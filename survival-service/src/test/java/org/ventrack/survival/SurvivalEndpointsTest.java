package org.ventrack.survival;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Twelve patients like the founding paper's, known only from patient and response events on the real broker;
 * every figure is compared with R (src/test/r/service-cohort.R, output in r-fixtures/service-cohort.txt).
 */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SurvivalEndpointsTest {

    static final String SITE = PaperCohort.SITE;
    static final LocalDate START = PaperCohort.START;
    private static List<UUID> PATIENTS;

    @InjectInfrastructure
    Infrastructure infrastructure;

    @BeforeEach
    void cohort() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        PATIENTS = PaperCohort.patients(infrastructure);
    }

    @Test
    void oneYearOverallAndEventFreeSurvivalEqualR() {
        given().auth().oauth2(TestTokens.statistician()).queryParam("site", SITE).queryParam("times", "365")
                .get("/api/v1/survival/kaplan-meier").then().statusCode(200)
                .body("endpoint", equalTo("OS")).body("confType", equalTo("log")).body("excluded", equalTo(0))
                .body("groups[0].n", equalTo(12)).body("groups[0].events", equalTo(11))
                .body("groups[0].atTimes.surv[0]", closeTo(0.5, 1e-12))
                .body("groups[0].atTimes.lower[0]", closeTo(0.283954845665321, 1e-9))
                .body("groups[0].atTimes.upper[0]", closeTo(0.880421672024074, 1e-9))
                .body("groups[0].atTimes.stdErr[0]", closeTo(0.144337567297406, 1e-9))
                .body("groups[0].median.time", closeTo(361.5, 1e-9))
                .body("groups[0].median.lower", closeTo(210, 1e-9))
                .body("groups[0].median.upper", nullValue());
        given().auth().oauth2(TestTokens.statistician()).queryParam("site", SITE).queryParam("times", "365")
                .queryParam("endpoint", "EFS").get("/api/v1/survival/kaplan-meier").then().statusCode(200)
                .body("groups[0].atTimes.surv[0]", closeTo(0.25, 1e-12))
                .body("groups[0].atTimes.lower[0]", closeTo(0.0938294643532942, 1e-9))
                .body("groups[0].atTimes.upper[0]", closeTo(0.666102065388224, 1e-9));
        // 12 months of 30.4375 days: the same curve in months
        given().auth().oauth2(TestTokens.statistician()).queryParam("site", SITE).queryParam("unit", "months")
                .get("/api/v1/survival/kaplan-meier").then().statusCode(200).body("unit", equalTo("months"))
                .body("groups[0].steps.time[0]", closeTo(40 / 30.4375, 1e-12));
    }

    @Test
    void logRankByAGeneticAlterationEqualsRSurvdiff() {
        // the label is matched case-insensitively inside the alterations' labels: "kmt2a" finds "KMT2A t(9;11)"
        given().auth().oauth2(TestTokens.investigator()).queryParam("site", SITE).queryParam("groupBy", "genetic:kmt2a")
                .get("/api/v1/survival/kaplan-meier").then().statusCode(200)
                .body("groups.group", contains("with kmt2a", "without kmt2a"))
                .body("groups.n", contains(3, 9))
                .body("logRank.chiSquare", closeTo(2.33860539371466, 1e-9))
                .body("logRank.pValue", closeTo(0.126202493324467, 1e-9))
                .body("logRank.groups[0].expected", closeTo(1.3774531024531, 1e-9));
        given().auth().oauth2(TestTokens.investigator()).queryParam("groupBy", "genetic:")
                .get("/api/v1/survival/kaplan-meier").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void logRankByRegimenEqualsRSurvdiff() {
        given().auth().oauth2(TestTokens.investigator()).queryParam("site", SITE).queryParam("groupBy", "regimen")
                .get("/api/v1/survival/kaplan-meier").then().statusCode(200)
                .body("groups.group", contains("VEN_CHEMO", "VEN_HMA", "VEN_MONO"))
                .body("logRank.chiSquare", closeTo(0.2520627930473, 1e-9))
                .body("logRank.pValue", closeTo(0.881587167576547, 1e-9))
                .body("logRank.df", equalTo(2))
                .body("logRank.groups.observed", contains(5, 4, 2))
                .body("logRank.groups[0].expected", closeTo(4.20054112554113, 1e-9))
                .body("logRank.groups[2].expected", closeTo(2.25642135642136, 1e-9));
    }

    @Test
    void followUpAndRelapseIncidenceEqualR() {
        given().auth().oauth2(TestTokens.investigator()).queryParam("site", SITE).get("/api/v1/survival/follow-up")
                .then().statusCode(200).body("median", closeTo(1254, 1e-9)).body("lower", nullValue())
                .body("min", closeTo(40, 1e-9)).body("max", closeTo(1254, 1e-9));
        var incidence = given().auth().oauth2(TestTokens.investigator()).queryParam("site", SITE)
                .get("/api/v1/survival/cumulative-incidence").then().statusCode(200).extract().jsonPath();
        List<Double> times = incidence.getList("time", Double.class);
        int at365 = 0;
        while (at365 + 1 < times.size() && times.get(at365 + 1) <= 365) {
            at365++;
        }
        org.junit.jupiter.api.Assertions.assertEquals(0.166666666666667, incidence.getDouble("cumulativeIncidence[" + at365 + "]"), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(0.107582870727984, incidence.getDouble("stdErr[" + at365 + "]"), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(0.0470327655353929, incidence.getDouble("lower[" + at365 + "]"), 1e-9);
    }

    @Test
    void aPatientsTimesWithTheFactsTheyCameFrom() {
        given().auth().oauth2(TestTokens.siteUser(SITE)).get("/api/v1/survival/patients/" + PATIENTS.get(1)).then()
                .statusCode(200).body("regimen", equalTo("VEN_CHEMO"))
                .body("venetoclaxStart", equalTo(START.toString()))
                .body("os.days", equalTo(457)).body("os.event", equalTo(true)).body("os.cause", equalTo("death"))
                .body("efs.days", equalTo(240)).body("efs.cause", equalTo("relapse"))
                .body("hsctDate", equalTo(START.plusDays(42).toString()))
                .body("response.bestResponse", equalTo("CR"));
        given().auth().oauth2(TestTokens.investigator()).queryParam("efsFailureTime", "established")
                .get("/api/v1/survival/patients/" + PATIENTS.get(3)).then().statusCode(200)
                .body("efs.days", equalTo(28)).body("efsFailureTime", equalTo("ESTABLISHED"));
        given().auth().oauth2(TestTokens.siteUser("FR-OTHER")).get("/api/v1/survival/patients/" + PATIENTS.get(1))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aCorrectedDeathDateMovesTheCurve() {
        UUID patient = UUID.randomUUID();
        UUID death = UUID.randomUUID();
        PatientEvents.send(infrastructure, PatientEvents.registered(patient, "FR-KM-CORR", "C-1", LocalDate.of(2016, 5, 1)));
        PatientEvents.send(infrastructure, PatientEvents.course(patient, UUID.randomUUID(), START, "VEN_MONO", 0));
        PatientEvents.send(infrastructure, PatientEvents.clinicalEvent(patient, death, "DEATH", START.plusDays(100), 0));
        PatientEvents.send(infrastructure, PatientEvents.clinicalEvent(patient, death, "DEATH", START.plusDays(130), 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.investigator())
                .get("/api/v1/survival/patients/" + patient).then().body("os.days", equalTo(130)));
        PatientEvents.send(infrastructure, PatientEvents.deleted(patient, "clinical-event", death));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.investigator())
                .queryParam("site", "FR-KM-CORR").get("/api/v1/survival/kaplan-meier").then()
                .body("groups[0].events", equalTo(0)));
    }

    @Test
    void siteUsersSeeOnlyTheirSites() {
        given().auth().oauth2(TestTokens.siteUser(SITE)).get("/api/v1/survival/kaplan-meier").then().statusCode(200)
                .body("groups[0].n", equalTo(12));
        given().auth().oauth2(TestTokens.siteUser("FR-NOBODY")).get("/api/v1/survival/kaplan-meier").then()
                .statusCode(422).contentType("application/problem+json");
        given().get("/api/v1/survival/kaplan-meier").then().statusCode(401);
    }
}
