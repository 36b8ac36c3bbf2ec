package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * The founding paper's response figures from its 12 patients, through the public APIs of the packaged services:
 * patients and venetoclax courses posted to patient-service reach response-service as events on the real broker,
 * then the sites post marrow assessments. ORR 5/12 (15.2-72.3 %), CR + CRi 4/12 (9.9-65.1 %), VEN_CHEMO 3 CR of
 * 5, VEN_HMA 1 CRi + 1 PR of 5, VEN_MONO 0 of 2; BM blasts before venetoclax median 28.5 % (15.5-46).
 */
class PaperResponsesTest {

    private static final LocalDate START = LocalDate.of(2023, 3, 6);
    /** UPN, regimen, baseline blasts, then the day-28 marrow: CR, CRI, PR or NR. */
    private static final List<Object[]> COHORT = List.of(
            new Object[] { "UPN1", "VEN_CHEMO", 15.5, "CR" }, new Object[] { "UPN2", "VEN_CHEMO", 18, "CR" },
            new Object[] { "UPN4", "VEN_CHEMO", 22, "CR" }, new Object[] { "UPN5", "VEN_CHEMO", 25, "NR" },
            new Object[] { "UPN6", "VEN_CHEMO", 27, "NR" }, new Object[] { "UPN3", "VEN_HMA", 28, "CRI" },
            new Object[] { "UPN7", "VEN_HMA", 46, "PR" }, new Object[] { "UPN8", "VEN_HMA", 29, "NR" },
            new Object[] { "UPN9", "VEN_HMA", 31, "NR" }, new Object[] { "UPN10", "VEN_HMA", 35, "NR" },
            new Object[] { "UPN11", "VEN_MONO", 38, "NR" }, new Object[] { "UPN12", "VEN_MONO", 42, "NR" });

    private static LocalStack stack;
    private static String siteUser;

    @BeforeAll
    static void postTheCohort() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        stack = StackFixture.start();
        given().auth().oauth2(stack.token("admin")).contentType(ContentType.JSON)
                .body(Map.of("code", "FR-RDB", "name", "Robert-Debré", "country", "FR"))
                .post(stack.serviceUrl("patient-service") + "/api/v1/sites").then().statusCode(201);
        siteUser = stack.token("site-user", "FR-RDB");
        for (Object[] p : COHORT) {
            String patient = given().auth().oauth2(siteUser).contentType(ContentType.JSON)
                    .body(Map.of("siteCode", "FR-RDB", "upn", p[0], "sex", "FEMALE", "birthDate", "2016-05-20",
                            "diagnosis", "RELAPSED_AML"))
                    .post(stack.serviceUrl("patient-service") + "/api/v1/patients").then().statusCode(201).extract().path("id");
            given().auth().oauth2(siteUser).contentType(ContentType.JSON)
                    .body(Map.of("startDate", START.toString(), "regimen", p[1], "cycleLengthDays", 28, "activeDays", 21,
                            "doseBasis", "WEIGHT", "dailyDoseMg", 250, "rampUp", true))
                    .post(stack.serviceUrl("patient-service") + "/api/v1/patients/" + patient + "/treatment-courses")
                    .then().statusCode(201);
            // response-service learns of the course through the broker
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(siteUser)
                    .get(responseService() + "/api/v1/patients/" + patient + "/responses")
                    .then().statusCode(200).body("venetoclaxStart", notNullValue()));
            assess(patient, START.minusDays(3), Map.of("blastPercent", p[2], "platelets", 35, "anc", 0.3, "baseline", true));
            assess(patient, START.plusDays(28), dayTwentyEight((String) p[3], ((Number) p[2]).doubleValue()));
        }
    }

    private static Map<String, Object> dayTwentyEight(String response, double baseline) {
        return switch (response) {
            case "CR" -> Map.of("blastPercent", 2, "platelets", 110, "anc", 1.2, "mrdStatus", "NEGATIVE");
            case "CRI" -> Map.of("blastPercent", 4, "platelets", 45, "anc", 0.6, "mrdStatus", "NEGATIVE");
            case "PR" -> Map.of("blastPercent", 18, "platelets", 60, "anc", 0.9);
            default -> Map.of("blastPercent", baseline + 5, "platelets", 20, "anc", 0.2);
        };
    }

    private static void assess(String patient, LocalDate date, Map<String, Object> values) {
        Map<String, Object> body = new HashMap<>(values);
        body.put("patientId", patient);
        body.put("assessmentDate", date.toString());
        body.put("circulatingBlasts", false);
        body.put("extramedullaryDisease", false);
        given().auth().oauth2(siteUser).contentType(ContentType.JSON).body(body)
                .post(responseService() + "/api/v1/assessments").then().statusCode(201);
    }

    private static String responseService() {
        return stack.serviceUrl("response-service");
    }

    @AfterAll
    static void stopStack() throws Exception {
        StackFixture.stop(stack);
    }

    @Test
    void overallResponseAndCompleteRemissionRatesWithExactIntervals() {
        given().auth().oauth2(siteUser).get(responseService() + "/api/v1/response-rates").then().statusCode(200)
                .body("groups[0].n", equalTo(12))
                .body("groups[0].overallResponse.count", equalTo(5))
                .body("groups[0].overallResponse.rate", closeTo(5.0 / 12, 1e-12))
                .body("groups[0].overallResponse.lower", closeTo(0.1516522298084301, 1e-9))
                .body("groups[0].overallResponse.upper", closeTo(0.72333031431789419, 1e-9))
                .body("groups[0].completeRemission.count", equalTo(4))
                .body("groups[0].completeRemission.lower", closeTo(0.099246091149583299, 1e-9))
                .body("groups[0].completeRemission.upper", closeTo(0.65112449358118596, 1e-9))
                .body("groups[0].counts.NR", equalTo(7));
    }

    @Test
    void responsesByRegimenAsInThePaper() {
        given().auth().oauth2(siteUser).queryParam("groupBy", "regimen").get(responseService() + "/api/v1/response-rates")
                .then().statusCode(200)
                .body("groups.group", contains("VEN_CHEMO", "VEN_HMA", "VEN_MONO"))
                .body("groups.n", contains(5, 5, 2))
                .body("groups.counts.CR", contains(3, 0, 0))
                .body("groups.counts.CRI", contains(0, 1, 0))
                .body("groups.counts.PR", contains(0, 1, 0))
                .body("groups.overallResponse.count", contains(3, 2, 0));
    }

    @Test
    void tableOneRowsOfResponseService() {
        given().auth().oauth2(stack.token("statistician")).get(responseService() + "/api/v1/cohort/response-summary")
                .then().statusCode(200)
                .body("n", equalTo(12))
                .body("baselineBlastPercent.median", equalTo(28.5))
                .body("baselineBlastPercent.min", equalTo(15.5))
                .body("baselineBlastPercent.max", equalTo(46))
                .body("bestResponse.completeRemission.count", equalTo(4))
                .body("bestResponse.counts.PR", equalTo(1))
                .body("bestResponse.counts.NR", equalTo(7));
    }
}
