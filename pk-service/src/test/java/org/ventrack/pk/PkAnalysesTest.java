package org.ventrack.pk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.InjectInfrastructure;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.PatientEvents;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;
import org.ventrack.pk.config.DoseRulesConfig;
import org.ventrack.pk.config.PopPkModelConfig;
import org.ventrack.pk.domain.dose.DoseRuleSettings;
import org.ventrack.pk.domain.model.PopPkModel;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Dose recommendation, individual estimate and the monitoring table over the read model and posted samples. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PkAnalysesTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 15);

    @InjectInfrastructure
    Infrastructure infrastructure;

    @BeforeEach
    void logging() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.config = RestAssured.config().jsonConfig(io.restassured.config.JsonConfig.jsonConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private UUID patientWithSamples(String site, double dose, double... troughs) {
        UUID patient = UUID.randomUUID();
        PatientEvents.send(infrastructure, PatientEvents.registered(patient, site, "A-" + patient, LocalDate.of(2013, 3, 1)));
        PatientEvents.send(infrastructure, PatientEvents.courseWithDose(patient, UUID.randomUUID(), START, "VEN_HMA", dose));
        PatientEvents.send(infrastructure, PatientEvents.measurement(patient, START.minusDays(2), 20, 120));
        PatientEvents.awaitEventsApplied(patient, 3, TestTokens.investigator());
        for (int i = 0; i < troughs.length; i++) {
            given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON)
                    .body(Map.of("patientId", patient.toString(), "sampledAt", START.plusDays(9 + 7 * i).atTime(8, 0).toString(),
                            "lastDoseAt", START.plusDays(8 + 7 * i).atTime(8, 0).toString(), "dailyDoseMg", dose,
                            "concentrationNgPerMl", troughs[i], "kind", "TROUGH"))
                    .post("/api/v1/pk/samples").then().statusCode(201);
        }
        return patient;
    }

    @Inject
    PopPkModelConfig modelConfig;
    @Inject
    DoseRulesConfig doseConfig;

    @Test
    void theConfiguredModelAndDoseRulesAreTheDocumentedDefaults() {
        assertEquals(PopPkModel.zhao2026(), modelConfig.model());
        assertEquals(DoseRuleSettings.defaults(), doseConfig.settings());
    }

    @Test
    void aStrongInhibitorLowersTheRecommendedDose() {
        double plain = given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON)
                .body(Map.of("ageYears", 11, "weightKg", 20, "heightCm", 120, "date", "2024-01-25"))
                .post("/api/v1/pk/dose-recommendation").then().statusCode(200)
                .body("bsaM2", org.hamcrest.Matchers.closeTo(0.8165, 0.001))
                .body("rulePath", not(empty())).extract().path("dailyDoseMg");
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON)
                .body(PkAnalysesResourceExample.STRONG).post("/api/v1/pk/dose-recommendation").then().statusCode(200)
                .body("dailyDoseMg", lessThan(plain / 2));
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON)
                .body(Map.of("weightKg", 20)).post("/api/v1/pk/dose-recommendation").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aPatientsDoseUsesItsAgeMeasurementAndCoMedications() {
        UUID patient = patientWithSamples("FR-AN", 250);
        given().auth().oauth2(TestTokens.siteUser("FR-AN")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(), "date", "2024-01-25"))
                .post("/api/v1/pk/dose-recommendation").then().statusCode(200)
                .body("bsaM2", org.hamcrest.Matchers.closeTo(0.8165, 0.001));
        given().auth().oauth2(TestTokens.siteUser("FR-ELSE")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString())).post("/api/v1/pk/dose-recommendation").then().statusCode(404);
    }

    @Test
    void theIndividualEstimateUsesThePatientsSamples() {
        UUID patient = patientWithSamples("FR-AN", 250, 314, 290, 330);
        given().auth().oauth2(TestTokens.investigator()).queryParam("targetTrough", 500)
                .get("/api/v1/pk/patients/" + patient + "/individual-estimate").then().statusCode(200)
                .body("observationsUsed", equalTo(3))
                .body("clearance.estimate", greaterThan(0.0))
                .body("profile", not(empty()))
                .body("doseForTarget.roundedDoseMg", greaterThan(250.0));
        UUID unmeasured = UUID.randomUUID();
        PatientEvents.send(infrastructure, PatientEvents.registered(unmeasured, "FR-AN", "U-" + unmeasured, LocalDate.of(2013, 3, 1)));
        PatientEvents.awaitEventsApplied(unmeasured, 1, TestTokens.investigator());
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/pk/patients/" + unmeasured + "/individual-estimate")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void theMonitoringTableGroupsTroughsByDoseBasis() {
        patientWithSamples("FR-T4", 150, 342);
        patientWithSamples("FR-T4", 250, 314);
        given().auth().oauth2(TestTokens.statistician()).queryParam("site", "FR-T4").get("/api/v1/pk/monitoring").then()
                .statusCode(200)
                .body("byDoseBasis.WEIGHT", hasSize(2))
                .body("byDoseBasis.WEIGHT.doseNormalised", org.hamcrest.Matchers.containsInAnyOrder(2.28, 1.26))
                .body("all.n", equalTo(2))
                .body("withoutInteraction.median", equalTo(1.77))
                .body("byDoseBasis.WEIGHT[0].weightKg", equalTo(20.0));
    }

    /** The strong-inhibitor body of the OpenAPI example. */
    static final class PkAnalysesResourceExample {
        static final String STRONG = """
                {"ageYears": 11, "weightKg": 20, "heightCm": 120, "date": "2024-01-25",
                 "coMedications": [{"name": "voriconazole", "cyp3a": "STRONG", "pgpInhibitor": false, "start": "2024-01-17"}]}""";
    }
}
