package org.ventrack.platform.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the Kafka record value is this envelope.
 *
 * @param id      unique per event, the consumers' de-duplication key
 * @param source  the producing service, e.g. {@code /ventrack/patient-service}
 * @param type    see {@link EventTypes}
 * @param subject the patient id, also the record key
 * @param time    when the change was made (outbox write)
 * @param data    the payload record as JSON
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public static EventEnvelope of(String source, String type, String subject, OffsetDateTime time, JsonNode data) {
        return new EventEnvelope(SPEC_VERSION, UUID.randomUUID(), source, type, subject, time, "application/json", data);
    }
}
