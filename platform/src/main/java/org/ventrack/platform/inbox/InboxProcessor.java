package org.ventrack.platform.inbox;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.MalformedEventException;
import org.ventrack.platform.inbox.Inbox.Delivery;
import org.ventrack.platform.problem.DatabaseUnavailable;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies consumed records exactly once: record the event ids in the inbox and update the read model in one
 * transaction per polled batch, so a service catching up on thousands of events does not pay a commit per event.
 * A redelivered event changes nothing. A record that is not a valid event, or that the handler rejects as malformed,
 * is parked on the dead-letter topic with its reason and the others are applied: a batch that fails for anything but
 * an unreachable database is applied again one record per transaction, to find the one that fails. While the
 * database is unreachable the batch is retried with back-off (and nothing is parked), so events are neither lost nor
 * reordered.
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
    DeadLetters deadLetters;
    @Inject
    MeterRegistry registry;

    private record Parsed(ConsumerRecord<String, String> record, Delivery delivery) {
        EventEnvelope event() {
            return delivery.event();
        }
    }

    /** Applies {@code records} (one poll of one channel, in offset order); returns once each is applied or parked. */
    public void process(Iterable<ConsumerRecord<String, String>> records, EventHandler handler) {
        List<Parsed> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(new Parsed(record, new Delivery(record.topic(), codec.read(record.value()))));
            } catch (MalformedEventException e) {
                park(record, "unknown", e);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            withRetries("a batch of " + events.size() + " events", 1, () -> apply(events, handler));
        } catch (RuntimeException e) {
            if (events.size() == 1) {
                failedAlone(events.get(0), e);
                return;
            }
            Log.warnf("a batch of %d events of %s failed (%s); applying them one by one", events.size(),
                    events.get(0).record().topic(), e.getMessage());
            for (Parsed one : events) {
                try {
                    withRetries("event " + one.event().id(), MAX_ATTEMPTS_FOR_OTHER_FAILURES, () -> apply(List.of(one), handler));
                } catch (RuntimeException failure) {
                    failedAlone(one, failure);
                }
            }
        }
    }

    private void failedAlone(Parsed one, RuntimeException failure) {
        park(one.record(), one.event().type(), failure instanceof MalformedEventException ? failure
                : new IllegalStateException("event " + one.event().id() + " could not be applied: " + failure.getMessage(), failure));
    }

    private Void apply(List<Parsed> events, EventHandler handler) {
        Set<UUID> applied = QuarkusTransaction.requiringNew().call(() -> {
            Set<UUID> fresh = inbox.firstDeliveries(events.stream().map(Parsed::delivery).toList());
            Set<UUID> done = new HashSet<>();
            for (Parsed parsed : events) {
                if (fresh.remove(parsed.event().id())) {
                    handler.apply(parsed.event());
                    done.add(parsed.event().id());
                }
            }
            inbox.markApplied(done);
            return done;
        });
        Instant now = Instant.now();
        for (Parsed parsed : events) {
            boolean first = applied.remove(parsed.event().id());
            count(parsed.record().topic(), parsed.event().type(), first ? "applied" : "duplicate");
            if (first) {
                latency(parsed.event().type()).record(Duration.between(parsed.event().time().toInstant(), now));
            }
        }
        return null;
    }

    /**
     * Runs {@code work} until it succeeds: an unreachable database is waited out with back-off however long it takes;
     * any other failure is rethrown at the {@code attempts}-th time (a malformed event at once).
     */
    private static void withRetries(String what, int attempts, Supplier<Void> work) {
        Duration backoff = Duration.ofMillis(100);
        for (int attempt = 1;; attempt++) {
            try {
                work.get();
                return;
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (!isTransient(e) && attempt >= attempts) {
                    throw e;
                }
                Log.warnf("%s not applied (attempt %d), retrying in %d ms: %s", what, attempt, backoff.toMillis(), e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void park(ConsumerRecord<String, String> record, String type, RuntimeException reason) {
        withRetries("parking a record of " + record.topic(), Integer.MAX_VALUE, () -> {
            deadLetters.park(record, reason);
            return null;
        });
        count(record.topic(), type, "dead-lettered");
        Log.warnf("parked the record at %s-%d@%d on %s: %s", record.topic(), record.partition(), record.offset(),
                org.ventrack.platform.events.Topics.deadLetter(record.topic()), reason.getMessage());
    }

    /**
     * Failures worth waiting out: the database unreachable ({@link DatabaseUnavailable}), or a transaction the
     * database rolled back for a conflict (serialization failure, deadlock). The event itself is fine, so it is
     * retried, never parked.
     */
    static boolean isTransient(Throwable e) {
        if (DatabaseUnavailable.isCause(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
            if (t.getClass().getName().equals("jakarta.transaction.RollbackException")) {
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
