package org.ventrack.platform.events;

/** Kafka topics, one per bounded context and major contract version. Records are keyed by patient id. */
public final class Topics {

    public static final String PATIENT = "ventrack.patient.v1";
    public static final String RESPONSE = "ventrack.response.v1";
    public static final String PK = "ventrack.pk.v1";

    private Topics() {
    }

    /** Where messages of {@code topic} that cannot be parsed or applied are parked, with the reason in headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
