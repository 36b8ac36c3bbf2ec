package org.ventrack.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.Topics;

/**
 * What every consumer of {@code ventrack.patient.v1} must do, through the real broker: apply an event once, ignore a
 * redelivery, park a poison message on the DLQ with its reason and go on. A service runs it by extending it in a
 * {@code @QuarkusTest} class.
 */
public abstract class PatientEventsConsumerContract {

    private static final EventCodec CODEC = new EventCodec();

    @InjectInfrastructure
    protected Infrastructure infrastructure;
    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @Test
    void appliesARegisteredPatientOnce() {
        UUID patient = UUID.randomUUID();
        send(registered(patient, "FR-RDB", "C-1"));

        awaitEventsApplied(patient, 1, TestTokens.investigator());
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/facts")
                .then().body("siteCode", equalTo("FR-RDB")).body("upn", equalTo("C-1"))
                .body("birthDate", equalTo("2016-04-02")).body("sex", equalTo("MALE"));
    }

    @Test
    void theSameEventDeliveredTwiceChangesTheReadModelOnce() {
        UUID patient = UUID.randomUUID();
        EventEnvelope registration = registered(patient, "FR-RDB", "C-2");
        send(registration);
        send(registration);
        // a later event of the same patient (same key, same partition) proves the duplicate has been consumed
        send(updated(patient, "FR-RDB", "C-2", LocalDate.of(2016, 4, 3)));

        awaitEventsApplied(patient, 2, TestTokens.investigator());
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/facts")
                .then().body("birthDate", equalTo("2016-04-03"));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        UUID patient = UUID.randomUUID();
        String poison = "this is not a CloudEvent " + patient;
        TopicReader.send(infrastructure.bootstrapServers(), Topics.PATIENT, patient.toString(), poison, EventEnvelope.CONTENT_TYPE);
        EventEnvelope wrongPayload = EventEnvelope.of("/test", EventTypes.PATIENT_REGISTERED, patient.toString(),
                OffsetDateTime.now(), CODEC.toTree(java.util.Map.of("patientId", patient.toString(), "birthDate", "soon")));
        send(wrongPayload);
        send(registered(patient, "FR-RDB", "C-3"));

        awaitEventsApplied(patient, 1, TestTokens.investigator());
        List<ConsumerRecord<String, String>> parked = TopicReader.read(infrastructure.bootstrapServers(),
                Topics.deadLetter(Topics.PATIENT), r -> patient.toString().equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(2, parked.size());
        assertEquals(poison, parked.get(0).value());
        assertNotNull(parked.get(0).headers().lastHeader("dead-letter-reason"));
        String reason = new String(parked.get(1).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertEquals(true, reason.contains("PatientRegistered"), reason);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aBatchHoldingAPoisonRecordAndARedeliveryAppliesEachOtherEventOnce() {
        UUID patient = UUID.randomUUID();
        EventEnvelope registration = registered(patient, "FR-RDB", "C-5");
        EventEnvelope wrongPayload = EventEnvelope.of("/test", EventTypes.PATIENT_REGISTERED, patient.toString(),
                OffsetDateTime.now(), CODEC.toTree(java.util.Map.of("patientId", patient.toString(), "birthDate", "later")));
        String poison = "not a CloudEvent either " + patient;
        TopicReader.sendTogether(infrastructure.bootstrapServers(), Topics.PATIENT, patient.toString(), List.of(
                CODEC.write(registration), poison, CODEC.write(registration), CODEC.write(wrongPayload),
                CODEC.write(updated(patient, "FR-RDB", "C-5", LocalDate.of(2016, 4, 5)))), EventEnvelope.CONTENT_TYPE);

        awaitEventsApplied(patient, 2, TestTokens.investigator());
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients/" + patient + "/facts")
                .then().body("birthDate", equalTo("2016-04-05"));
        List<ConsumerRecord<String, String>> parked = TopicReader.read(infrastructure.bootstrapServers(),
                Topics.deadLetter(Topics.PATIENT), r -> patient.toString().equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(List.of(poison, CODEC.write(wrongPayload)), parked.stream().map(ConsumerRecord::value).toList());
        assertEquals(Topics.PATIENT, new String(parked.get(1).headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8));
    }

    @Test
    void eventsPolledTogetherAreAppliedInOneTransaction() throws java.sql.SQLException {
        List<UUID> patients = new java.util.ArrayList<>();
        List<String> events = new java.util.ArrayList<>();
        List<UUID> eventIds = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            patients.add(UUID.randomUUID());
            EventEnvelope registration = registered(patients.get(i), "FR-RDB", "C-6-" + i);
            events.add(CODEC.write(registration));
            eventIds.add(registration.id());
        }
        // one key, so one partition and one record batch
        TopicReader.sendTogether(infrastructure.bootstrapServers(), Topics.PATIENT, patients.get(0).toString(), events,
                EventEnvelope.CONTENT_TYPE);

        patients.forEach(patient -> awaitEventsApplied(patient, 1, TestTokens.investigator()));
        try (var connection = dataSource.getConnection();
                var transactions = connection.prepareStatement(
                        "SELECT count(DISTINCT xmin::text), count(*) FROM inbox_event WHERE event_id = ANY (?)")) {
            transactions.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            try (var row = transactions.executeQuery()) {
                row.next();
                assertEquals(20, row.getInt(2));
                assertEquals(1, row.getInt(1), "one transaction wrote the 20 inbox rows");
            }
        }
    }

    @Test
    void anotherSitesPatientIsNotFoundForASiteUser() {
        UUID patient = UUID.randomUUID();
        send(registered(patient, "FR-BBB", "C-4"));
        awaitEventsApplied(patient, 1, TestTokens.investigator());

        given().auth().oauth2(TestTokens.siteUser("FR-AAA")).get("/api/v1/patients/" + patient + "/facts")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.siteUser("FR-BBB")).get("/api/v1/patients/" + patient + "/facts")
                .then().statusCode(200);
        given().get("/api/v1/patients/" + patient + "/facts").then().statusCode(401);
    }

    protected void send(EventEnvelope event) {
        PatientEvents.send(infrastructure, event);
    }

    protected static void awaitEventsApplied(UUID patient, int count, String token) {
        PatientEvents.awaitEventsApplied(patient, count, token);
    }

    protected static EventEnvelope registered(UUID patient, String site, String upn) {
        return PatientEvents.registered(patient, site, upn, LocalDate.of(2016, 4, 2));
    }

    protected static EventEnvelope updated(UUID patient, String site, String upn, LocalDate birthDate) {
        return PatientEvents.updated(patient, site, upn, birthDate);
    }
}
