package org.ventrack.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * GET /api/v1/export/sdtm/{domain} and sdtm.zip against the real database. response-service and pk-service are not
 * running here (and not configured), so RS, PC and the zip must fail whole with 503; system-tests' PaperCohortTest
 * reads them through the packaged stack.
 */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SdtmExportTest {

    private static final String HOME = "FR-SDTMH";
    private static final String AWAY = "FR-SDTMA";
    private static boolean loaded;

    @BeforeEach
    void data() {
        if (loaded) {
            return;
        }
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.site(HOME);
        Fixtures.site(AWAY);
        String home = Fixtures.treated(HOME, "SD-1");
        Fixtures.post(home, "adverse-events", Fixtures.adverseEvent("Febrile neutropenia", 3, START.plusDays(9), true));
        Fixtures.post(home, "adverse-events", Fixtures.adverseEvent("Fatigue", 1, START.minusDays(2), false));
        Fixtures.post(home, "comedications", Map.of("drug", "posaconazole", "startDate", START.plusDays(3).toString()));
        Fixtures.treated(AWAY, "SD-AWAY");
        loaded = true;
    }

    private static List<String> lines(String token, String path) {
        String csv = as(token).get("/api/v1/export/" + path).then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", containsString(".csv")).extract().asString();
        assertTrue(csv.endsWith("\r\n"), "CRLF line ends");
        return List.of(csv.split("\r\n"));
    }

    @Test
    void aSiteUserGetsOnlyTheirSitesRowsUnderTheSdtmHeader() {
        List<String> dm = lines(TestTokens.siteUser(HOME), "sdtm/DM");
        assertEquals("STUDYID,DOMAIN,USUBJID,SUBJID,RFSTDTC,RFENDTC,RFXSTDTC,RFXENDTC,DTHDTC,DTHFL,SITEID,BRTHDTC,AGE,AGEU,"
                + "SEX,ARMCD,ARM,ACTARMCD,ACTARM,ARMNRS,COUNTRY", dm.get(0));
        // Fixtures: a girl born 2015-03-01 on VEN_HMA from 2024-01-15 (8 years old then), site of country FR
        assertEquals(List.of("VENTRACK,DM,VENTRACK-FR-SDTMH-SD-1,SD-1,2024-01-15,,2024-01-15,,,,FR-SDTMH,2015-03-01,8,YEARS,F,"
                + "VEN_HMA,Venetoclax with a hypomethylating agent,VEN_HMA,Venetoclax with a hypomethylating agent,,FRA"),
                dm.subList(1, dm.size()));
        // another site, asked for by name, is empty rather than an error (as the other CSV exports)
        assertEquals(1, lines(TestTokens.siteUser(HOME), "sdtm/DM?site=" + AWAY).size());
        List<String> all = lines(TestTokens.statistician(), "sdtm/dm?site=" + AWAY);
        assertEquals(2, all.size());
        assertTrue(all.get(1).startsWith("VENTRACK,DM,VENTRACK-FR-SDTMA-SD-AWAY,"), all.get(1));
    }

    @Test
    void exposureConcomitantMedicationsAndAdverseEventsWithStudyDays() {
        List<String> ex = lines(TestTokens.siteUser(HOME), "sdtm/EX");
        assertEquals(List.of("VENTRACK,EX,VENTRACK-FR-SDTMH-SD-1,1,VENETOCLAX,VEN_HMA,200,mg,QD,21 OF 28 DAYS,ORAL,"
                + "2024-01-15,,1,"), ex.subList(1, ex.size()));
        List<String> cm = lines(TestTokens.siteUser(HOME), "sdtm/CM");
        assertEquals(List.of("VENTRACK,CM,VENTRACK-FR-SDTMH-SD-1,1,posaconazole,STRONG CYP3A INHIBITOR,2024-01-18,,4,"),
                cm.subList(1, cm.size()));
        List<String> ae = lines(TestTokens.siteUser(HOME), "sdtm/AE");
        // two days before the first dose is day -2; nine days after it is day 10
        assertEquals(List.of(
                "VENTRACK,AE,VENTRACK-FR-SDTMH-SD-1,1,Fatigue,Fatigue,MILD,1,N,POSSIBLY RELATED,N,2024-01-13,-2",
                "VENTRACK,AE,VENTRACK-FR-SDTMH-SD-1,2,Febrile neutropenia,Febrile neutropenia,SEVERE,3,Y,POSSIBLY RELATED,N,"
                        + "2024-01-24,10"), ae.subList(1, ae.size()));
    }

    @Test
    void anUnknownDomainIsA404ListingTheDomains() {
        as(TestTokens.statistician()).get("/api/v1/export/sdtm/LB").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("DM, EX, CM, AE, RS, PC"));
        given().get("/api/v1/export/sdtm/DM").then().statusCode(401);
    }

    @Test
    void responsesDrugLevelsAndTheZipFailWholeWhenTheirServicesCannotAnswer() {
        for (String path : List.of("sdtm/RS", "sdtm/PC", "sdtm.zip")) {
            as(TestTokens.siteUser(HOME)).get("/api/v1/export/" + path).then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("detail", containsString("-service"));
        }
    }
}
