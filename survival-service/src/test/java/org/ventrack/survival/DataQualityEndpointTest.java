package org.ventrack.survival;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.events.pk.TroughMeasured;
import org.ventrack.platform.events.response.AssessmentClassified;
import org.ventrack.platform.testing.InjectInfrastructure;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.PatientEvents;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.TopicReader;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** GET data-quality, kept from the patient, response and PK events through the real broker, scoped to the caller's sites. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DataQualityEndpointTest {

    private static final String SITE = "FR-DQ";
    private static final LocalDate START = LocalDate.of(2024, 3, 4);
    private static final EventCodec CODEC = new EventCodec();

    @InjectInfrastructure
    Infrastructure infrastructure;

    @Test
    void findingsComeFromTheThreeTopicsWithLinksToFixThem() {
        UUID patient = UUID.randomUUID();
        PatientEvents.send(infrastructure, PatientEvents.registered(patient, SITE, "DQ-1", LocalDate.of(2015, 2, 1)));
        PatientEvents.send(infrastructure, PatientEvents.course(patient, UUID.randomUUID(), START, "VEN_HMA", 0));
        send(Topics.RESPONSE, EventTypes.ASSESSMENT_CLASSIFIED, "/ventrack/response-service", patient,
                new AssessmentClassified(patient, UUID.randomUUID(), START.plusDays(27), "COUSSON_2025", "1.0", "PR",
                        false, null, null, false));
        send(Topics.PK, EventTypes.TROUGH_MEASURED, "/ventrack/pk-service", patient,
                new TroughMeasured(patient, UUID.randomUUID(), START.plusDays(20).atTime(8, 0), "TROUGH",
                        new BigDecimal("400"), new BigDecimal("900"), new BigDecimal("2.25"), true, List.of(),
                        List.of("OUTSIDE_TROUGH_WINDOW"), false));

        String siteUser = TestTokens.siteUser(SITE);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(siteUser)
                .get("/api/v1/data-quality").then().statusCode(200)
                .body("sites.site", contains(SITE))
                .body("sites[0].checks.find { it.code == 'NO_BASELINE_MARROW' }.count", equalTo(1))
                .body("sites[0].checks.find { it.code == 'TROUGH_OUTSIDE_WINDOW' }.count", equalTo(1)));

        given().auth().oauth2(siteUser).get("/api/v1/data-quality").then().statusCode(200)
                .body("sites[0].checks.code", contains("NO_BASELINE_MARROW", "NO_DAY10_TROUGH", "TROUGH_OUTSIDE_WINDOW",
                        "MISSING_FOLLOW_UP", "AE_WITHOUT_GRADE", "COURSE_WITHOUT_DOSE_BASIS", "EVENTS_OUT_OF_ORDER"))
                .body("sites[0].checks.find { it.code == 'NO_BASELINE_MARROW' }.patients[0].upn", equalTo("DQ-1"))
                .body("sites[0].checks.find { it.code == 'NO_BASELINE_MARROW' }.patients[0].fix",
                        equalTo("http://127.0.0.1:8082/api/v1/patients/" + patient + "/responses"))
                .body("sites[0].checks.find { it.code == 'NO_DAY10_TROUGH' }.patients.upn", contains("DQ-1"))
                .body("sites[0].checks.find { it.code == 'TROUGH_OUTSIDE_WINDOW' }.patients[0].fix",
                        containsString(":8083/api/v1/patients/" + patient + "/pk-samples"))
                .body("sites[0].checks.find { it.code == 'MISSING_FOLLOW_UP' }.patients.upn", contains("DQ-1"))
                .body("sites[0].checks.find { it.code == 'AE_WITHOUT_GRADE' }.status", equalTo("IMPOSSIBLE"))
                .body("sites[0].checks.find { it.code == 'AE_WITHOUT_GRADE' }.patients", empty());

        given().auth().oauth2(TestTokens.siteUser("FR-DQ-OTHER")).get("/api/v1/data-quality").then().statusCode(200)
                .body("sites", hasSize(0));
        given().auth().oauth2(TestTokens.investigator()).queryParam("site", SITE).get("/api/v1/data-quality").then()
                .statusCode(200).body("sites.site", contains(SITE));
    }

    @Test
    void withoutATokenItIsRefusedAsProblemJson() {
        given().get("/api/v1/data-quality").then().statusCode(401);
    }

    @Test
    void theDashboardPageAndItsConfigAreServedWithoutAToken() {
        given().get("/dashboard/").then().statusCode(200).body(containsString("VenTrack study dashboard"));
        given().get("/api/v1/dashboard/config").then().statusCode(200)
                .body("patientService", equalTo("http://127.0.0.1:8081"))
                .body("pkService", equalTo("http://127.0.0.1:8083"));
    }

    private void send(String topic, String type, String source, UUID patient, Object payload) {
        EventEnvelope event = EventEnvelope.of(source, type, patient.toString(), OffsetDateTime.now(), CODEC.toTree(payload));
        TopicReader.send(infrastructure.bootstrapServers(), topic, event.subject(), CODEC.write(event), EventEnvelope.CONTENT_TYPE);
    }
}
