package org.ventrack.platform.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.MalformedEventException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies a consumed record exactly once: parse, record the event id in the inbox and update the read model in one
 * transaction. A redelivered event changes nothing. A malformed event, or one the handler rejects as malformed, is
 * rethrown so the channel's dead-letter strategy parks it with the reason; while the database is unreachable the
 * record is retried with back-off (and not parked), so events are neither lost nor reordered.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int MAX_ATTEMPTS_FOR_OTHER_FAILURES = 3;

    @Inject
    EventCodec codec;
    @Inject
    Inbox inbox;
    @Inject
    MeterRegistry registry;

    public void process(ConsumerRecord<String, String> record, EventHandler handler) {
        EventEnvelope event;
        try {
            event = codec.read(record.value());
        } catch (MalformedEventException e) {
            count(record.topic(), "unknown", "dead-lettered");
            throw e;
        }
        Duration backoff = Duration.ofMillis(100);
        for (int attempt = 1;; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.firstDelivery(record.topic(), event)) {
                        return false;
                    }
                    handler.apply(event);
                    return true;
                });
                count(record.topic(), event.type(), applied ? "applied" : "duplicate");
                if (applied) {
                    latency(event.type()).record(Duration.between(event.time().toInstant(), Instant.now()));
                }
                return;
            } catch (MalformedEventException e) {
                count(record.topic(), event.type(), "dead-lettered");
                throw e;
            } catch (RuntimeException e) {
                boolean transientFailure = isTransient(e);
                if (!transientFailure && attempt >= MAX_ATTEMPTS_FOR_OTHER_FAILURES) {
                    count(record.topic(), event.type(), "dead-lettered");
                    throw new IllegalStateException("event " + event.id() + " could not be applied: " + e.getMessage(), e);
                }
                Log.warnf("event %s not applied (attempt %d), retrying in %d ms: %s", event.id(), attempt,
                        backoff.toMillis(), e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Connection-level or transient database failures: the event itself is fine, so it is retried, never parked. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exception, 57P: operator intervention (shutdown), 40: transaction rollback
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("40"))) {
                    return true;
                }
            }
            if (t instanceof java.net.ConnectException
                    || String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
            if (t.getClass().getName().equals("jakarta.transaction.RollbackException")
                    || t.getClass().getSimpleName().contains("JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    private void count(String topic, String type, String outcome) {
        registry.counter("ventrack.inbox.events", "topic", topic, "type", type, "outcome", outcome).increment();
    }

    private Timer latency(String type) {
        return Timer.builder("ventrack.event.latency")
                .description("Time from the producer's outbox write to this service's read-model commit")
                .tag("type", type)
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
