package org.ventrack.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes committed outbox rows to Kafka in {@code seq} order, waits for {@code acks=all} from an idempotent
 * producer, then marks them published. A broker or database outage only delays events: the relay keeps the rows
 * and retries with back-off. One relay per database is active at a time (PostgreSQL advisory lock), so several
 * replicas of a service never publish the same rows out of order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('ventrack.outbox.relay'))";
    private static final String PENDING = """
            SELECT seq, topic, record_key, envelope, created_at FROM outbox_event
            WHERE published_at IS NULL ORDER BY seq LIMIT ?""";
    private static final String MARK_PUBLISHED = "UPDATE outbox_event SET published_at = clock_timestamp() WHERE seq = ANY (?)";
    private static final String PURGE = "DELETE FROM outbox_event WHERE published_at < ?";

    @Inject
    DataSource dataSource;
    @Inject
    OutboxConfig config;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    /** Every kafka.* client setting (from configuration and KAFKA_* variables), as the connector's clients get them. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    OutboxSender sender;
    RoundTransactions transactions;
    Counter published;
    Counter failures;
    Timer delay;
    private Instant nextPurge = Instant.EPOCH;

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            Log.info("outbox relay disabled on this instance");
            return;
        }
        // TLS and SASL as configured for the cluster (deploy/k8s); nothing on a plaintext broker
        sender = new KafkaOutboxSender(bootstrapServers, config.serviceName() + "-outbox", KafkaSecuritySettings.of(kafkaConfig));
        transactions = this::inQuarkusTransaction;
        registerMeters();
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void registerMeters() {
        published = registry.counter("ventrack.outbox.published");
        failures = registry.counter("ventrack.outbox.failures");
        delay = Timer.builder("ventrack.outbox.delay")
                .description("Time from the outbox write to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    private Round inQuarkusTransaction(RoundWork work) {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        });
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        thread.interrupt();
        thread.join(10_000);
        sender.close();
    }

    /** Asks the relay to look for new rows now (called after each commit that wrote to the outbox). */
    public void wakeUp() {
        wakeUps.release();
    }

    private void run() {
        Duration backoff = config.initialBackoff();
        boolean failing = false;
        while (running) {
            try {
                int count = publishBatch();
                if (failing) {
                    Log.info("outbox relay recovered");
                    failing = false;
                }
                backoff = config.initialBackoff();
                if (count < config.batchSize()) {
                    purgeIfDue();
                    if (wakeUps.tryAcquire(config.idlePoll().toMillis(), TimeUnit.MILLISECONDS)) {
                        // the commits that follow within the pause go out in the same round: under a steady stream
                        // of writes a round (transaction, lock, read, send, mark) carries many events, not one
                        Thread.sleep(config.coalesce().toMillis());
                    }
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failures.increment();
                if (!failing) {
                    Log.warnf("outbox relay cannot publish, retrying with back-off: %s", rootMessage(e));
                    failing = true;
                }
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), config.maxBackoff());
            }
        }
    }

    /**
     * One round: lock, read pending rows, send, wait for the acks, mark the acknowledged prefix, in one transaction
     * that commits even when a send failed, so that a row the broker acknowledged is not sent again. The failure is
     * rethrown after the commit (the caller backs off).
     */
    int publishBatch() {
        Round round = transactions.inNewTransaction(this::publishRound);
        published.increment(round.acknowledged());
        if (round.failure() != null) {
            throw round.failure();
        }
        return round.read();
    }

    private Round publishRound(Connection connection) throws SQLException {
        try (var lock = connection.createStatement(); var result = lock.executeQuery(LOCK)) {
            if (!result.next() || !result.getBoolean(1)) {
                return Round.NOTHING;
            }
        }
        List<PendingEvent> pending = readPending(connection);
        if (pending.isEmpty()) {
            return Round.NOTHING;
        }
        sender.checkReachable(pending.stream().map(PendingEvent::topic).distinct().toList());
        List<Future<?>> acks = new ArrayList<>(pending.size());
        for (PendingEvent event : pending) {
            acks.add(sender.send(event));
        }
        sender.flush();
        List<Long> acknowledged = new ArrayList<>(pending.size());
        RuntimeException failure = null;
        for (int i = 0; i < pending.size(); i++) {
            try {
                acks.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while waiting for the broker", e);
                break;
            } catch (Exception e) {
                failure = new IllegalStateException("broker did not acknowledge outbox row " + pending.get(i).seq(), e);
                break;
            }
            acknowledged.add(pending.get(i).seq());
            delay.record(Duration.between(pending.get(i).createdAt().toInstant(), Instant.now()));
        }
        markPublished(connection, acknowledged);
        return new Round(pending.size(), acknowledged.size(), failure);
    }

    private List<PendingEvent> readPending(Connection connection) throws SQLException {
        List<PendingEvent> pending = new ArrayList<>();
        try (var select = connection.prepareStatement(PENDING)) {
            select.setInt(1, config.batchSize());
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    pending.add(new PendingEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getObject(5, OffsetDateTime.class)));
                }
            }
        }
        return pending;
    }

    private static void markPublished(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (var update = connection.prepareStatement(MARK_PUBLISHED)) {
            update.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
            update.executeUpdate();
        }
    }

    private void purgeIfDue() {
        if (Instant.now().isBefore(nextPurge)) {
            return;
        }
        nextPurge = Instant.now().plus(Duration.ofHours(1));
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection(); var purge = connection.prepareStatement(PURGE)) {
                purge.setObject(1, OffsetDateTime.now().minus(config.retention()));
                int purged = purge.executeUpdate();
                if (purged > 0) {
                    Log.infof("purged %d published outbox events older than %s", purged, config.retention());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("outbox purge failed", e);
            }
        });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** What a round did: rows read, the acknowledged prefix marked, and the send failure that ended it, if any. */
    record Round(int read, int acknowledged, RuntimeException failure) {
        static final Round NOTHING = new Round(0, 0, null);
    }

    /** Runs one round in a new transaction on one connection: commits when it returns, rolls back when it throws. */
    @FunctionalInterface
    interface RoundTransactions {
        Round inNewTransaction(RoundWork work);
    }

    @FunctionalInterface
    interface RoundWork {
        Round run(Connection connection) throws SQLException;
    }
}
