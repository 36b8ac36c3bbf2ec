package org.ventrack.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ventrack.response.Fixtures.START;

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

/** GET /api/v1/export/sdtm/RS: the results of the caller's sites as SDTM-shaped CSV. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SdtmExportTest {

    private static final String HOME = "FR-SDTMR";
    private static final String AWAY = "FR-SDTMX";
    private static UUID patient;

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
        Map<String, Object> remission = Fixtures.completeRemission(patient, 28);
        remission.put("cycle", 1);
        Fixtures.record(remission);
        UUID away = Fixtures.treatedPatient(infrastructure, AWAY, "VEN_MONO");
        Fixtures.record(Fixtures.baseline(away, 30));
        Fixtures.record(Fixtures.assessment(away, START.plusDays(28), "blastPercent", 35));
    }

    private static List<String> lines(String token, String query) {
        String csv = given().auth().oauth2(token).get("/api/v1/export/sdtm/RS" + query).then().statusCode(200)
                .contentType("text/csv").header("Content-Disposition", containsString("rs.csv")).extract().asString();
        return List.of(csv.split("\r\n"));
    }

    @Test
    void eachCriteriaSetsResultAndBestResponseOfTheCallersSites() {
        String usubjid = "VENTRACK-" + HOME + "-UPN-" + patient;
        // the baseline marrow is pre-treatment and not classified; day 28 after the first dose is study day 29
        assertEquals(List.of(
                "STUDYID,DOMAIN,USUBJID,RSSEQ,RSTESTCD,RSTEST,RSCAT,RSORRES,RSSTRESC,RSEVAL,RSDRVFL,VISITNUM,VISIT,RSDTC,RSDY",
                "VENTRACK,RS," + usubjid + ",1,OVRLRESP,Overall Response,COUSSON_2025,CR,CR,VENTRACK ALGORITHM,Y,1,CYCLE 1,2024-02-12,29",
                "VENTRACK,RS," + usubjid + ",2,BESTRSP,Best Overall Response,COUSSON_2025,CR,CR,VENTRACK ALGORITHM,Y,,,2024-02-12,29",
                "VENTRACK,RS," + usubjid + ",3,OVRLRESP,Overall Response,ELN_2022,CR,CR,VENTRACK ALGORITHM,Y,1,CYCLE 1,2024-02-12,29",
                "VENTRACK,RS," + usubjid + ",4,BESTRSP,Best Overall Response,ELN_2022,CR,CR,VENTRACK ALGORITHM,Y,,,2024-02-12,29"),
                lines(TestTokens.siteUser(HOME), ""));
        assertEquals(1, lines(TestTokens.siteUser(HOME), "?site=" + AWAY).size(), "another site is empty, not an error");
        List<String> away = lines(TestTokens.statistician(), "?site=" + AWAY);
        assertEquals(5, away.size());
        assertEquals("NR", away.get(1).split(",")[7]);
    }

    @Test
    void otherDomainsAreNotServedHere() {
        given().auth().oauth2(TestTokens.statistician()).get("/api/v1/export/sdtm/DM").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("serves RS"))
                .body("detail", containsString("patient-service serves every domain"));
        given().get("/api/v1/export/sdtm/RS").then().statusCode(401);
    }
}
