package org.ventrack.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.ventrack.response.Fixtures.START;

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

/**
 * Response rates and Table 1 rows of a seven-patient site: VEN_CHEMO CR, CR, NR; VEN_HMA CRi, PR, NR; VEN_MONO one
 * patient without any assessment (counted, as in the paper, in the denominator). The CIs are R's binom.test.
 */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ResponseRatesTest {

    private static final String SITE = "FR-RATES";
    private static boolean loaded;

    @InjectInfrastructure
    Infrastructure infrastructure;

    @BeforeEach
    void cohort() {
        Fixtures.configureRestAssured();
        if (loaded) {
            return;
        }
        patient("VEN_CHEMO", 15.5, Fixtures.completeRemission(null, 28));
        patient("VEN_CHEMO", 28, Fixtures.completeRemission(null, 28));
        patient("VEN_CHEMO", 29, Fixtures.assessment(null, START.plusDays(28), "blastPercent", 35));
        // CRi: no haematological recovery
        patient("VEN_HMA", 46, Fixtures.assessment(null, START.plusDays(28), "blastPercent", 3, "platelets", 40, "anc", 0.5,
                "mrdStatus", "NEGATIVE"));
        // PR: 46 -> 18 %
        patient("VEN_HMA", 35, Fixtures.assessment(null, START.plusDays(28), "blastPercent", 18));
        patient("VEN_HMA", 20, Fixtures.assessment(null, START.plusDays(28), "blastPercent", 25));
        Fixtures.treatedPatient(infrastructure, SITE, "VEN_MONO");
        loaded = true;
    }

    private void patient(String regimen, double baselineBlasts, java.util.Map<String, Object> response) {
        UUID patient = Fixtures.treatedPatient(infrastructure, SITE, regimen);
        Fixtures.record(Fixtures.baseline(patient, baselineBlasts));
        response.put("patientId", patient.toString());
        Fixtures.record(response);
    }

    @Test
    void overallRatesWithExactIntervalsEqualToR() {
        given().auth().oauth2(TestTokens.statistician()).queryParam("site", SITE).get("/api/v1/response-rates")
                .then().statusCode(200)
                .body("criteria", equalTo("COUSSON_2025")).body("groupBy", equalTo("none"))
                .body("groups[0].n", equalTo(7))
                .body("groups[0].counts.CR", equalTo(2)).body("groups[0].counts.CRI", equalTo(1))
                .body("groups[0].counts.PR", equalTo(1)).body("groups[0].counts.NR", equalTo(2))
                .body("groups[0].counts.NOT_EVALUABLE", equalTo(1))
                .body("groups[0].overallResponse.count", equalTo(4))
                .body("groups[0].overallResponse.lower", closeTo(0.184051567640, 1e-9))
                .body("groups[0].overallResponse.upper", closeTo(0.901011721557, 1e-9))
                .body("groups[0].completeRemission.count", equalTo(3))
                .body("groups[0].completeRemission.rate", closeTo(3.0 / 7, 1e-12))
                .body("groups[0].completeRemission.lower", closeTo(0.098988278443, 1e-9))
                .body("groups[0].completeRemission.upper", closeTo(0.815948432360, 1e-9));
    }

    @Test
    void ratesByRegimen() {
        given().auth().oauth2(TestTokens.investigator()).queryParam("site", SITE).queryParam("groupBy", "regimen")
                .get("/api/v1/response-rates").then().statusCode(200)
                .body("groups.group", contains("VEN_CHEMO", "VEN_HMA", "VEN_MONO"))
                .body("groups.n", contains(3, 3, 1))
                .body("groups.completeRemission.count", contains(2, 1, 0))
                .body("groups.overallResponse.count", contains(2, 2, 0))
                .body("groups[0].completeRemission.lower", closeTo(0.094299324050, 1e-9))
                .body("groups[0].completeRemission.upper", closeTo(0.991596241340, 1e-9))
                .body("groups[2].overallResponse.upper", closeTo(0.975, 1e-9));
    }

    @Test
    void underEln2022TheSameMarrowsGiveTheirOwnCategories() {
        // CR needs no circulating blasts there: the fixtures say so; the CRi marrow (ANC 0.5, platelets 40) is MLFS
        // only with a cellularity, which it lacks: not evaluable
        given().auth().oauth2(TestTokens.investigator()).queryParam("site", SITE).queryParam("criteria", "ELN_2022")
                .get("/api/v1/response-rates").then().statusCode(200)
                .body("criteria", equalTo("ELN_2022"))
                .body("groups[0].counts.CR", equalTo(2))
                .body("groups[0].counts.NOT_EVALUABLE", equalTo(2));
    }

    @Test
    void theTableOneRowsThisServiceOwns() {
        // baselines 15.5, 20, 28, 29, 35, 46: median 28.5 (15.5-46), as the paper's Table 1
        given().auth().oauth2(TestTokens.investigator()).queryParam("site", SITE).get("/api/v1/cohort/response-summary")
                .then().statusCode(200)
                .body("n", equalTo(7))
                .body("baselineBlastPercent.n", equalTo(6))
                .body("baselineBlastPercent.median", equalTo(28.5))
                .body("baselineBlastPercent.min", equalTo(15.5))
                .body("baselineBlastPercent.max", equalTo(46))
                .body("bestResponse.completeRemission.count", equalTo(3))
                .body("bestResponse.overallResponse.count", equalTo(4))
                .body("bestResponse.counts.NR", equalTo(2));
    }
}
