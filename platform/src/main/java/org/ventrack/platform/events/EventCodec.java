package org.ventrack.platform.events;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Writes and reads CloudEvents envelopes and their payload records; the one JSON dialect of the event bus. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // consumers accept fields added by a newer producer of the same major version
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public JsonNode toTree(Object payload) {
        return mapper.valueToTree(payload);
    }

    public String write(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + envelope.id() + " cannot be written as JSON", e);
        }
    }

    /** Parses a record value into an envelope and checks the CloudEvents attributes VenTrack relies on. */
    public EventEnvelope read(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty message");
        }
        EventEnvelope envelope;
        try {
            envelope = mapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a CloudEvents JSON envelope: " + e.getOriginalMessage(), e);
        }
        List<String> missing = new ArrayList<>();
        if (!EventEnvelope.SPEC_VERSION.equals(envelope.specversion())) {
            missing.add("specversion 1.0");
        }
        if (envelope.id() == null) {
            missing.add("id");
        }
        if (isBlank(envelope.source())) {
            missing.add("source");
        }
        if (isBlank(envelope.type())) {
            missing.add("type");
        }
        if (isBlank(envelope.subject())) {
            missing.add("subject");
        }
        if (envelope.time() == null) {
            missing.add("time");
        }
        if (envelope.data() == null || envelope.data().isNull()) {
            missing.add("data");
        }
        if (!missing.isEmpty()) {
            throw new MalformedEventException("CloudEvent lacks " + String.join(", ", missing));
        }
        return envelope;
    }

    /** The payload of {@code envelope} as {@code type}; a mismatch makes the event malformed. */
    public <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            T payload = mapper.treeToValue(envelope.data(), type);
            if (payload == null) {
                throw new MalformedEventException("event " + envelope.id() + " has no data");
            }
            return payload;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("data of event " + envelope.id() + " is not a valid "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
