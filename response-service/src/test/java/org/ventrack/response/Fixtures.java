package org.ventrack.response;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.PatientEvents;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.TopicReader;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;

/** Patients made known through patient-service's events on the real broker, and assessments posted over REST. */
final class Fixtures {

    static final LocalDate BIRTH = LocalDate.of(2016, 4, 2);
    static final LocalDate START = LocalDate.of(2024, 1, 15);
    private static final EventCodec CODEC = new EventCodec();

    private Fixtures() {
    }

    /** Logs failing exchanges; reads JSON decimals as doubles, so CIs compare to 1e-9. */
    static void configureRestAssured() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** A patient registered at {@code site} who started venetoclax ({@code regimen}) on {@link #START}. */
    static UUID treatedPatient(Infrastructure infrastructure, String site, String regimen) {
        return treatedPatientWithCourse(infrastructure, site, regimen, UUID.randomUUID());
    }

    static UUID treatedPatientWithCourse(Infrastructure infrastructure, String site, String regimen, UUID course) {
        UUID patient = UUID.randomUUID();
        PatientEvents.send(infrastructure, PatientEvents.registered(patient, site, "UPN-" + patient, BIRTH));
        PatientEvents.send(infrastructure, PatientEvents.course(patient, course, START, regimen, 0));
        PatientEvents.awaitEventsApplied(patient, 2, TestTokens.investigator());
        return patient;
    }

    /** An assessment body; {@code values} alternate names and values and override the defaults. */
    static Map<String, Object> assessment(UUID patient, LocalDate date, Object... values) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", patient == null ? null : patient.toString());
        body.put("assessmentDate", date.toString());
        body.put("circulatingBlasts", false);
        body.put("extramedullaryDisease", false);
        for (int i = 0; i < values.length; i += 2) {
            body.put((String) values[i], values[i + 1]);
        }
        return body;
    }

    static Map<String, Object> baseline(UUID patient, Object blasts) {
        return assessment(patient, START.minusDays(3), "blastPercent", blasts, "platelets", 30, "anc", 0.2, "baseline", true);
    }

    static Map<String, Object> completeRemission(UUID patient, int day) {
        return assessment(patient, START.plusDays(day), "blastPercent", 2, "platelets", 120, "anc", 1.5,
                "cellularityPercent", 40, "mrdStatus", "NEGATIVE");
    }

    static ValidatableResponse post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/assessments").then();
    }

    /** Posts as an investigator; returns the new assessment's id. */
    static String record(Map<String, Object> body) {
        return post(TestTokens.investigator(), body).statusCode(201).extract().path("id");
    }

    static ValidatableResponse responses(UUID patient, String criteria) {
        return given().auth().oauth2(TestTokens.investigator()).queryParam("criteria", criteria)
                .get("/api/v1/patients/" + patient + "/responses").then().statusCode(200);
    }

    /** The response events of a patient on ventrack.response.v1, waiting for at least {@code count}. */
    static List<EventEnvelope> responseEvents(Infrastructure infrastructure, UUID patient, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> records = TopicReader.read(infrastructure.bootstrapServers(), Topics.RESPONSE,
                r -> patient.toString().equals(r.key()), count, timeout);
        return records.stream().map(r -> CODEC.read(r.value())).toList();
    }
}
