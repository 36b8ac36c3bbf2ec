package org.ventrack.platform.outbox;

import java.time.OffsetDateTime;

/** A committed outbox row not yet acknowledged by the broker. */
record PendingEvent(long seq, String topic, String key, String envelope, OffsetDateTime createdAt) {
}
