package org.ventrack.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Every client mistake gets an RFC 9457 problem+json answer and changes nothing. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ProblemDetailsTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON)
                .body("{\"siteCode\": \"FR-RDB\", ")
                .post("/api/v1/patients")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("type", equalTo("https://ventrack.org/problems/malformed-json"))
                .body("title", notNullValue())
                .body(not(containsString("at org.")));
    }

    @Test
    void validationErrorsListEachFieldAndChangeNothing() {
        Fixtures.site("FR-VAL");
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON)
                .body("{\"siteCode\":\"FR-VAL\",\"upn\":\"\",\"sex\":\"FEMALE\",\"birthDate\":\"2999-01-01\",\"diagnosis\":\"RELAPSED_AML\"}")
                .post("/api/v1/patients")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://ventrack.org/problems/validation"))
                .body("errors.field", hasItem("upn"))
                .body("errors.field", hasItem("birthDate"))
                .body("errors.find { it.field == 'birthDate' }.message", notNullValue());
        given().auth().oauth2(TestTokens.investigator()).queryParam("site", "FR-VAL")
                .get("/api/v1/patients").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void wrongTypeAndUnknownEnumValueNameTheField() {
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON)
                .body("{\"siteCode\":\"FR-VAL\",\"upn\":\"U1\",\"sex\":\"UNKNOWN\",\"birthDate\":\"2015-01-01\",\"diagnosis\":\"RELAPSED_AML\"}")
                .post("/api/v1/patients")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("sex"))
                .body("errors[0].message", containsString("FEMALE"));
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON)
                .body("{\"siteCode\":\"FR-VAL\",\"upn\":\"U1\",\"sex\":\"MALE\",\"birthDate\":\"yesterday\",\"diagnosis\":\"RELAPSED_AML\"}")
                .post("/api/v1/patients")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("birthDate"));
    }

    @Test
    void fieldsTheRegistryDoesNotHaveAreRefused() {
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON)
                .body("{\"siteCode\":\"FR-VAL\",\"upn\":\"U2\",\"sex\":\"MALE\",\"birthDate\":\"2015-01-01\",\"diagnosis\":\"RELAPSED_AML\",\"lastName\":\"Martin\"}")
                .post("/api/v1/patients")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].message", containsString("lastName"));
    }

    @Test
    void unknownRouteIsA404Problem() {
        given().auth().oauth2(TestTokens.investigator())
                .get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404));
    }

    @Test
    void wrongMethodAndMediaTypeAreProblems() {
        given().auth().oauth2(TestTokens.admin())
                .delete("/api/v1/sites")
                .then().statusCode(405).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.XML).body("<site/>")
                .post("/api/v1/sites")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void missingTokenIsA401Problem() {
        given().get("/api/v1/sites")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void invalidTokensAreA401Problem() throws Exception {
        given().header("Authorization", "Bearer not.a.token").get("/api/v1/sites")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.signedByStranger()).get("/api/v1/sites")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.expired()).get("/api/v1/sites")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aRoleThatMayNotDoThisGetsA403Problem() {
        given().auth().oauth2(TestTokens.statistician()).contentType(ContentType.JSON)
                .body(Fixtures.patient("FR-VAL", "U3"))
                .post("/api/v1/patients")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void duplicateSiteIsAConflict() {
        Fixtures.site("FR-DUP");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"code\":\"FR-DUP\",\"name\":\"Again\",\"country\":\"FR\"}")
                .post("/api/v1/sites")
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void oversizedBodyIsRefused() {
        String big = "{\"code\":\"FR-BIG\",\"name\":\"" + "x".repeat(300_000) + "\",\"country\":\"FR\"}";
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(big)
                .post("/api/v1/sites")
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/sites/FR-BIG").then().statusCode(404);
    }
}
