package org.ventrack.platform.outbox;

import java.util.Collection;
import java.util.concurrent.Future;

/** Where the relay sends outbox rows: Kafka in production ({@link KafkaOutboxSender}). */
interface OutboxSender extends AutoCloseable {

    /** Throws at once when the broker cannot be reached, so an outage costs one timeout, not one per row. */
    void checkReachable(Collection<String> topics);

    /** Sends one row; the future completes when the broker has acknowledged it (or fails). */
    Future<?> send(PendingEvent event);

    /** Pushes out whatever is buffered. */
    void flush();

    @Override
    void close();
}
