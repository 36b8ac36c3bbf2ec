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
 * The founding paper's figures from its 12 patients, through the public APIs of the packaged services: patients,
 * venetoclax courses and clinical events posted to patient-service, marrow assessments to response-service; the
 * events travel over the real broker to response- and survival-service. ORR 5/12 (15.2-72.3 %), CR + CRi 4/12
 * (9.9-65.1 %), VEN_CHEMO 3 CR of 5, VEN_HMA 1 CRi + 1 PR of 5, VEN_MONO 0 of 2; BM blasts before venetoclax median
 * 28.5 % (15.5-46); 11 deaths, 1-year OS 50 % (28.4-88.0 %) and 1-year EFS 25 % (9.4-66.6 %) as R's survfit gives
 * them; HSCT at days 42, 48 and 90 for three responders.
 */
class PaperCohortTest {

    private static final LocalDate START = LocalDate.of(2023, 3, 6);
    /**
     * UPN, regimen, baseline blasts, the day-28 marrow (CR, CRI, PR or NR), then clinical events as kind:day. UPN1's
     * relapse is seen in a marrow at day 110 (Table 3: a marrow relapse right before HSCT).
     */
    private static final List<Object[]> COHORT = List.of(
            new Object[] { "UPN1", "VEN_CHEMO", 15.5, "CR", "MARROW_RELAPSE:110", "DEATH:393" },
            new Object[] { "UPN4", "VEN_CHEMO", 18, "CR", "HSCT:42", "RELAPSE:240", "DEATH:457" },
            new Object[] { "UPN2", "VEN_CHEMO", 22, "CR", "HSCT:90", "DEATH:1041" },
            new Object[] { "UPN5", "VEN_CHEMO", 25, "NR", "DEATH:40" },
            new Object[] { "UPN6", "VEN_CHEMO", 27, "NR", "DEATH:95" },
            new Object[] { "UPN3", "VEN_HMA", 28, "CRI", "HSCT:48", "LAST_FOLLOW_UP:1254" },
            new Object[] { "UPN7", "VEN_HMA", 46, "PR", "PROGRESSION:420", "DEATH:520" },
            new Object[] { "UPN8", "VEN_HMA", 29, "NR", "DEATH:150" },
            new Object[] { "UPN9", "VEN_HMA", 31, "NR", "DEATH:210" },
            new Object[] { "UPN10", "VEN_HMA", 35, "NR", "DEATH:280" },
            new Object[] { "UPN11", "VEN_MONO", 38, "NR", "DEATH:330" },
            new Object[] { "UPN12", "VEN_MONO", 42, "NR", "DEATH:610" });

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
            for (int i = 4; i < p.length; i++) {
                String[] kindAndDay = ((String) p[i]).split(":");
                LocalDate date = START.plusDays(Integer.parseInt(kindAndDay[1]));
                if (kindAndDay[0].equals("MARROW_RELAPSE")) {
                    assess(patient, date, Map.of("blastPercent", 35, "platelets", 40, "anc", 0.4));
                } else {
                    clinicalEvent(patient, kindAndDay[0], date);
                }
            }
        }
    }

    private static void clinicalEvent(String patient, String kind, LocalDate date) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "date", date.toString()));
        if (kind.equals("HSCT")) {
            body.put("hsctDonor", "HAPLOIDENTICAL");
            body.put("hsctConditioning", "MYELOABLATIVE");
        } else if (kind.equals("DEATH")) {
            body.put("deathCause", "DISEASE");
        }
        given().auth().oauth2(siteUser).contentType(ContentType.JSON).body(body)
                .post(stack.serviceUrl("patient-service") + "/api/v1/patients/" + patient + "/clinical-events")
                .then().statusCode(201);
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

    @Test
    void oneYearOverallAndEventFreeSurvivalAsInThePaper() {
        String survival = stack.serviceUrl("survival-service") + "/api/v1/survival/kaplan-meier";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(siteUser)
                .get(survival).then().statusCode(200).body("groups[0].n", equalTo(12)).body("groups[0].events", equalTo(11)));
        // R: summary(survfit(Surv(os, dead) ~ 1), times = 365) and the same for EFS (failures at day 0, ELN)
        given().auth().oauth2(siteUser).queryParam("times", 365).get(survival).then().statusCode(200)
                .body("groups[0].atTimes.surv[0]", closeTo(0.5, 1e-12))
                .body("groups[0].atTimes.lower[0]", closeTo(0.283954845665321, 1e-9))
                .body("groups[0].atTimes.upper[0]", closeTo(0.880421672024074, 1e-9));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(siteUser)
                .queryParam("times", 365).queryParam("endpoint", "EFS").get(survival).then().statusCode(200)
                .body("groups[0].atTimes.surv[0]", closeTo(0.25, 1e-12))
                .body("groups[0].atTimes.lower[0]", closeTo(0.0938294643532942, 1e-9))
                .body("groups[0].atTimes.upper[0]", closeTo(0.666102065388224, 1e-9)));
    }
}
