package org.ventrack.patient;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.events.response.BestResponseChanged;
import org.ventrack.platform.testing.InjectInfrastructure;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.TopicReader;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Table 1's response rows come from response-service's best-response-changed events on the real broker, applied once
 * through the inbox; patient-service never reads response-service's database.
 */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ResponseFactsTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final LocalDate DAY_28 = LocalDate.of(2024, 2, 12);

    @InjectInfrastructure
    Infrastructure infrastructure;

    @Test
    void bestResponsesAndBaselineBlastsCompleteTableOne() {
        Fixtures.site("FR-RSP");
        UUID complete = UUID.fromString(Fixtures.treated("FR-RSP", "RSP-1"));
        UUID none = UUID.fromString(Fixtures.treated("FR-RSP", "RSP-2"));
        Fixtures.treated("FR-RSP", "RSP-3");   // not classified yet

        // a first result, then its correction, and the same event delivered twice
        send(best(complete, "COUSSON_2025", "PR", true, "30"));
        BestResponseChanged corrected = best(complete, "COUSSON_2025", "CR", true, "30");
        send(corrected);
        send(corrected);
        send(best(none, "COUSSON_2025", "NR", false, "20.5"));
        send(best(none, "ELN_2022", "NR", false, "20.5"));
        send(best(UUID.randomUUID(), "COUSSON_2025", "CR", true, "5"));   // a patient this registry does not know

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.statistician())
                .queryParam("site", "FR-RSP").get("/api/v1/cohort/characteristics").then().statusCode(200)
                .body("n", equalTo(3))
                .body("bestResponse.criteria", equalTo("COUSSON_2025"))
                .body("bestResponse.counts.value", contains("CR", "NR", "UNKNOWN"))
                .body("bestResponse.counts.n", contains(1, 1, 1))
                .body("bestResponse.completeRemission.n", equalTo(1))
                .body("bestResponse.overallResponse.n", equalTo(1))
                .body("bestResponse.overallResponse.percent", equalTo(33.3f))
                .body("bestResponse.nonResponse.n", equalTo(1))
                .body("baselineBlastPercent.n", equalTo(2))
                .body("baselineBlastPercent.median", equalTo(25.3f)));   // (30 + 20.5) / 2 = 25.25, one decimal HALF_UP
        given().auth().oauth2(TestTokens.statistician()).queryParam("site", "FR-RSP").queryParam("criteria", "ELN_2022")
                .get("/api/v1/cohort/characteristics").then().statusCode(200)
                .body("bestResponse.counts.value", contains("NR", "UNKNOWN"))
                .body("bestResponse.counts.n", contains(1, 2));
        given().auth().oauth2(TestTokens.statistician()).queryParam("criteria", "RECIST")
                .get("/api/v1/cohort/characteristics").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static BestResponseChanged best(UUID patient, String criteria, String category, boolean responder, String blasts) {
        boolean failure = category.equals("NR");
        return new BestResponseChanged(patient, criteria, "1.0", category, DAY_28, responder, null, failure,
                failure ? DAY_28 : null, category.equals("CR") ? DAY_28 : null, false, null, new BigDecimal(blasts));
    }

    private void send(BestResponseChanged payload) {
        EventEnvelope event = EventEnvelope.of("/ventrack/response-service", EventTypes.BEST_RESPONSE_CHANGED,
                payload.patientId().toString(), OffsetDateTime.now(), CODEC.toTree(payload));
        TopicReader.send(infrastructure.bootstrapServers(), Topics.RESPONSE, event.subject(), CODEC.write(event),
                EventEnvelope.CONTENT_TYPE);
    }
}
