package org.ventrack.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.events.patient.PatientRegistered;
import org.ventrack.platform.events.patient.Sex;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void writesACloudEventThatReadsBackWithItsPayload() {
        UUID patient = UUID.randomUUID();
        PatientRegistered payload = new PatientRegistered(patient, "FR-RDB", "UPN1", Sex.FEMALE,
                LocalDate.of(2008, 1, 31), "RELAPSED_AML", LocalDate.of(2023, 2, 1), java.util.List.of("NPM1"));
        EventEnvelope event = EventEnvelope.of("/ventrack/patient-service", EventTypes.PATIENT_REGISTERED,
                patient.toString(), OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), codec.toTree(payload));

        String json = codec.write(event);
        EventEnvelope read = codec.read(json);

        assertTrue(json.contains("\"specversion\":\"1.0\""), json);
        assertTrue(json.contains("\"birthDate\":\"2008-01-31\""), "dates are ISO-8601 strings: " + json);
        assertEquals(event.id(), read.id());
        assertEquals("ventrack.patient.registered.v1", read.type());
        assertEquals(payload, codec.payload(read, PatientRegistered.class));
    }

    @Test
    void namesEveryMissingAttribute() {
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> codec.read("{\"specversion\":\"1.0\",\"type\":\"x\"}"));
        assertTrue(e.getMessage().contains("id"), e.getMessage());
        assertTrue(e.getMessage().contains("source"), e.getMessage());
        assertTrue(e.getMessage().contains("subject"), e.getMessage());
        assertTrue(e.getMessage().contains("data"), e.getMessage());
    }

    @Test
    void refusesWhatIsNotJsonOrNotVersionOne() {
        assertThrows(MalformedEventException.class, () -> codec.read("not json"));
        assertThrows(MalformedEventException.class, () -> codec.read(""));
        assertThrows(MalformedEventException.class, () -> codec.read(
                "{\"specversion\":\"0.3\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"s\",\"type\":\"t\","
                        + "\"subject\":\"x\",\"time\":\"2025-01-01T00:00:00Z\",\"data\":{}}"));
    }

    @Test
    void aPayloadOfTheWrongShapeIsMalformed() {
        EventEnvelope event = EventEnvelope.of("/s", EventTypes.PATIENT_REGISTERED, "p", OffsetDateTime.now(),
                codec.toTree(java.util.Map.of("birthDate", "soon")));
        assertThrows(MalformedEventException.class, () -> codec.payload(event, PatientRegistered.class));
    }

    @Test
    void typeAndTopicNamesFollowTheContract() {
        assertEquals("ventrack.patient.updated.v1", EventTypes.PATIENT_UPDATED);
        assertEquals("ventrack.patient.v1.dlq", Topics.deadLetter(Topics.PATIENT));
    }
}
