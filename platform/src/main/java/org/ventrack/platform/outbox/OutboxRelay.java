package org.ventrack.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ventrack.platform.events.EventEnvelope;

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
    private KafkaProducer<String, String> producer;
    private Counter published;
    private Counter failures;
    private Timer delay;
    private Instant nextPurge = Instant.EPOCH;

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            Log.info("outbox relay disabled on this instance");
            return;
        }
        producer = new KafkaProducer<>(producerConfig());
        published = registry.counter("ventrack.outbox.published");
        failures = registry.counter("ventrack.outbox.failures");
        delay = Timer.builder("ventrack.outbox.delay")
                .description("Time from the outbox write to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        thread.interrupt();
        thread.join(10_000);
        producer.close(Duration.ofSeconds(5));
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
                    wakeUps.tryAcquire(config.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
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

    /** One round in one transaction: lock, read pending rows, send, wait for acks, mark the acknowledged prefix. */
    private int publishBatch() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (var lock = connection.createStatement(); var result = lock.executeQuery(LOCK)) {
                    if (!result.next() || !result.getBoolean(1)) {
                        return 0;
                    }
                }
                List<Pending> pending = readPending(connection);
                if (pending.isEmpty()) {
                    return 0;
                }
                // fails fast (max.block.ms) when the broker is away, instead of once per row
                pending.stream().map(Pending::topic).distinct().forEach(producer::partitionsFor);
                List<Future<RecordMetadata>> acks = new ArrayList<>(pending.size());
                for (Pending row : pending) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.envelope());
                    record.headers().add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                    acks.add(producer.send(record));
                }
                producer.flush();
                List<Long> acknowledged = new ArrayList<>(pending.size());
                RuntimeException failure = null;
                for (int i = 0; i < pending.size(); i++) {
                    try {
                        acks.get(i).get();
                        acknowledged.add(pending.get(i).seq());
                        delay.record(Duration.between(pending.get(i).createdAt().toInstant(), Instant.now()));
                    } catch (Exception e) {
                        failure = new IllegalStateException("broker did not acknowledge outbox row " + pending.get(i).seq(), e);
                        break;
                    }
                }
                markPublished(connection, acknowledged);
                published.increment(acknowledged.size());
                if (failure != null) {
                    throw failure;
                }
                return pending.size();
            }
        });
    }

    private List<Pending> readPending(Connection connection) throws SQLException {
        List<Pending> pending = new ArrayList<>();
        try (var select = connection.prepareStatement(PENDING)) {
            select.setInt(1, config.batchSize());
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    pending.add(new Pending(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
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

    private Properties producerConfig() {
        Properties p = new Properties();
        // TLS and SASL as configured for the cluster (deploy/k8s); nothing on a plaintext broker
        p.putAll(KafkaSecuritySettings.of(kafkaConfig));
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-outbox");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
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

    private record Pending(long seq, String topic, String key, String envelope, OffsetDateTime createdAt) {
    }
}
