package org.ventrack.survival;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;

/** POST /api/v1/survival/kaplan-meier: R's aml data in, survfit and survdiff out; every bad input a problem. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class StatelessKaplanMeierTest {

    private static final double[] MAINTAINED = { 9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161 };
    private static final int[] MAINTAINED_STATUS = { 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0 };
    private static final double[] NON = { 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45 };
    private static final int[] NON_STATUS = { 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1 };

    @BeforeEach
    void json() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static String amlJson(String options) {
        StringBuilder body = new StringBuilder("{").append(options).append("\"subjects\": [");
        for (int i = 0; i < MAINTAINED.length; i++) {
            body.append(String.format("{\"time\": %s, \"event\": %s, \"group\": \"Maintained\"},", MAINTAINED[i], MAINTAINED_STATUS[i] == 1));
        }
        for (int i = 0; i < NON.length; i++) {
            body.append(String.format("{\"group\": \"Nonmaintained\", \"event\": %s, \"time\": %s}%s", NON_STATUS[i] == 1, NON[i],
                    i + 1 < NON.length ? "," : ""));
        }
        return body.append("]}").toString();
    }

    private static String amlCsv() {
        StringBuilder body = new StringBuilder("time,event,group\n");
        for (int i = 0; i < MAINTAINED.length; i++) {
            body.append(MAINTAINED[i]).append(',').append(MAINTAINED_STATUS[i]).append(",Maintained\n");
        }
        for (int i = 0; i < NON.length; i++) {
            body.append(NON[i]).append(',').append(NON_STATUS[i] == 1).append(",Nonmaintained\n");
        }
        return body.toString();
    }

    @Test
    void amlAsRReportsIt() {
        // R: survdiff(Surv(time, status) ~ x, aml); summary(survfit(...), times = 12); quantile(fit, 0.5)
        given().auth().oauth2(TestTokens.statistician()).contentType(ContentType.JSON)
                .body(amlJson("\"confType\": \"log\", \"confLevel\": 0.95, \"times\": [12],"))
                .post("/api/v1/survival/kaplan-meier").then().statusCode(200)
                .body("groups.group", contains("Maintained", "Nonmaintained"))
                .body("groups.n", contains(11, 12))
                .body("logRank.chiSquare", closeTo(3.39638869898, 1e-9))
                .body("logRank.pValue", closeTo(0.0653393220405, 1e-9))
                .body("groups[0].median.time", closeTo(31, 1e-12))
                .body("groups[0].median.upper", nullValue())
                .body("groups[1].atTimes.nRisk[0]", equalTo(8))
                .body("groups[1].atTimes.surv[0]", closeTo(7.0 / 12, 1e-12))
                .body("groups[0].steps.time[0]", closeTo(9, 0));
    }

    @Test
    void withoutStepsOnlyTheSummariesComeBack() {
        given().auth().oauth2(TestTokens.statistician()).contentType(ContentType.JSON).queryParam("steps", false)
                .body(amlJson("\"times\": [12],")).post("/api/v1/survival/kaplan-meier").then().statusCode(200)
                .body("groups[0].steps", nullValue())
                .body("groups[1].atTimes.surv[0]", closeTo(7.0 / 12, 1e-12))
                .body("logRank.chiSquare", closeTo(3.39638869898, 1e-9));
    }

    @Test
    void csvGivesTheSameAnswer() {
        given().auth().oauth2(TestTokens.statistician()).contentType("text/csv").body(amlCsv())
                .queryParam("confType", "log-log").post("/api/v1/survival/kaplan-meier").then().statusCode(200)
                .body("confType", equalTo("log-log"))
                .body("logRank.chiSquare", closeTo(3.39638869898, 1e-9))
                .body("groups[1].n", equalTo(12));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative time          | {"subjects": [{"time": -1, "event": true}]}                    | subjects[0].time
            time not a number      | {"subjects": [{"time": "soon", "event": true}]}                | subjects[0].time
            event not boolean      | {"subjects": [{"time": 3, "event": 1}]}                        | subjects[0].event
            event missing          | {"subjects": [{"time": 3}]}                                    | subjects[0].event
            no subjects            | {"subjects": []}                                               | subjects
            unknown confType       | {"confType": "arcsin", "subjects": [{"time": 3, "event": true}]} | confType
            confLevel of 1         | {"confLevel": 1, "subjects": [{"time": 3, "event": true}]}     | confLevel
            times not numbers      | {"times": ["a year"], "subjects": [{"time": 3, "event": true}]} | times
            an unknown field       | {"patientName": "x", "subjects": [{"time": 3, "event": true}]} | patientName
            not JSON               | {"subjects": [{"time": 3, "event": tru                          | body
            """)
    void refusesBadSubjects(String name, String body, String field) {
        given().auth().oauth2(TestTokens.statistician()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/survival/kaplan-meier").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void refusesMoreSubjectsThanTheLimitWith413() {
        StringBuilder body = new StringBuilder("{\"subjects\": [");
        for (int i = 0; i < 1001; i++) {
            body.append(i == 0 ? "" : ",").append("{\"time\": ").append(i).append(", \"event\": true}");
        }
        given().auth().oauth2(TestTokens.statistician()).contentType(ContentType.JSON).body(body.append("]}").toString())
                .post("/api/v1/survival/kaplan-meier").then().statusCode(413).contentType("application/problem+json")
                .body("detail", startsWith("A request may carry at most 1000 subjects"));
    }

    @Test
    void refusesUnknownOptionsOfTheReadModelQueries() {
        for (String[] option : new String[][] { { "endpoint", "PFS" }, { "groupBy", "eye-colour" }, { "confType", "logit" },
                { "unit", "weeks" }, { "confLevel", "1.5" }, { "times", "-3" } }) {
            given().auth().oauth2(TestTokens.statistician()).queryParam(option[0], option[1])
                    .get("/api/v1/survival/kaplan-meier").then().statusCode(400).contentType("application/problem+json");
        }
    }
}
