package org.ventrack.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ventrack.patient.Fixtures.as;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** A site user's attempts on another site's patient are refused and kept in the audit log, which only admins read. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AccessDenialAuditTest {

    private static final String OWNER = "FR-DENYOWN";
    private static final String OTHER = "FR-DENYOTH";
    private static final String DENIALS = "/api/v1/audit/access-denials";
    private static String patient;

    @BeforeEach
    void data() {
        if (patient != null) {
            return;
        }
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.site(OWNER);
        Fixtures.site(OTHER);
        patient = Fixtures.treated(OWNER, "DENY-1");
    }

    @Test
    void aReadOfAnotherSitesPatientIsRefusedAndAudited() {
        String read = Fixtures.treated(OWNER, "DENY-READ");
        String intruder = TestTokens.siteUser(OTHER);
        as(intruder).get("/api/v1/patients/" + read).then().statusCode(404);
        as(intruder).get("/api/v1/patients/" + read + "/treatment-courses").then().statusCode(404);

        List<Map<String, Object>> denials = denialsOf(read);
        assertEquals(2, denials.size(), "both attempts are kept: " + denials);
        Map<String, Object> newest = denials.get(0);
        assertEquals("site-user-" + OTHER, newest.get("actor"));
        assertEquals(List.of(OTHER), newest.get("actorSites"));
        assertEquals(OWNER, newest.get("siteCode"));
        assertEquals(read, newest.get("patientId"));
        assertEquals("GET", newest.get("method"));
        assertEquals("/api/v1/patients/" + read + "/treatment-courses", newest.get("path"));
        assertEquals("/api/v1/patients/" + read, denials.get(1).get("path"));
        // ids, sites, endpoint and time only: no field that could carry a clinical value
        assertEquals(Set.of("id", "at", "actor", "actorSites", "siteCode", "patientId", "method", "path"), newest.keySet());
    }

    @Test
    void aWriteIntoAnotherSiteIsRefusedAndAudited() {
        String intruder = TestTokens.siteUser(OTHER);
        as(intruder).body(Fixtures.patient(OWNER, "DENY-WRITE")).post("/api/v1/patients").then().statusCode(403);
        as(intruder).body(Fixtures.course(Fixtures.START.plusDays(200), "VEN_MONO", 1))
                .post("/api/v1/patients/" + patient + "/treatment-courses").then().statusCode(404);

        List<Map<String, Object>> bySite = as(TestTokens.admin()).queryParam("site", OWNER).get(DENIALS)
                .then().statusCode(200).extract().path("items");
        assertTrue(bySite.stream().anyMatch(d -> d.get("patientId") == null && "POST".equals(d.get("method"))
                && "/api/v1/patients".equals(d.get("path"))), "the refused registration at another site: " + bySite);
        assertTrue(denialsOf(patient).stream().anyMatch(d -> "POST".equals(d.get("method"))
                && d.get("path").equals("/api/v1/patients/" + patient + "/treatment-courses")));
    }

    @Test
    void aRefusalForTheRoleAloneIsNoCrossSiteDenial() {
        int before = denialsOf(patient).size();
        as(TestTokens.statistician()).body(Fixtures.course(Fixtures.START.plusDays(300), "VEN_MONO", 1))
                .post("/api/v1/patients/" + patient + "/treatment-courses").then().statusCode(403);
        as(TestTokens.siteUser(OWNER)).get("/api/v1/patients/" + patient).then().statusCode(200);
        assertEquals(before, denialsOf(patient).size());
    }

    @Test
    void onlyAdminsReadTheDenials() {
        for (String token : List.of(TestTokens.siteUser(OWNER), TestTokens.investigator(), TestTokens.statistician())) {
            as(token).get(DENIALS).then().statusCode(403).contentType("application/problem+json");
        }
        given().get(DENIALS).then().statusCode(401);
        as(TestTokens.admin()).queryParam("size", 0).get(DENIALS).then().statusCode(400);
        as(TestTokens.admin()).queryParam("size", 1).get(DENIALS).then().statusCode(200).body("size", equalTo(1));
    }

    private static List<Map<String, Object>> denialsOf(String patientId) {
        return as(TestTokens.admin()).queryParam("patientId", patientId).get(DENIALS)
                .then().statusCode(200).extract().path("items");
    }
}
