package org.ventrack.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.devstack.Database;
import org.ventrack.devstack.FreePorts;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A relay round against a real PostgreSQL (the platform's own migrations) with a sender that the test controls, and
 * transactions that commit on return and roll back on an exception, as {@code QuarkusTransaction} does.
 */
class OutboxRelayTest {

    private static Database database;
    private static String url;

    private final ScriptedSender sender = new ScriptedSender();
    private OutboxRelay relay;

    @BeforeAll
    static void startDatabase() throws Exception {
        database = Database.embedded(Files.createTempDirectory("ventrack-relay-test-").resolve("postgres"), FreePorts.next());
        database.start();
        database.createDatabases(List.of("relay_test"));
        url = database.jdbcUrl("relay_test");
        Flyway.configure().dataSource(url, database.user(), database.password())
                .locations("classpath:db/platform").load().migrate();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        database.stop();
    }

    @BeforeEach
    void emptyOutbox() throws SQLException {
        try (Connection c = connect(); var delete = c.createStatement()) {
            delete.executeUpdate("DELETE FROM outbox_event");
        }
        relay = new OutboxRelay();
        relay.config = new TestConfig();
        relay.registry = new SimpleMeterRegistry();
        relay.registerMeters();
        relay.sender = sender;
        relay.transactions = OutboxRelayTest::inJdbcTransaction;
    }

    @Test
    void aSendFailingMidBatchLeavesTheAcknowledgedPrefixPublished() throws SQLException {
        List<Long> seqs = insertEvents(5);
        sender.failFrom = seqs.get(2);

        assertThrows(IllegalStateException.class, relay::publishBatch);

        assertEquals(seqs.subList(0, 2), published());
        assertEquals(2.0, relay.published.count());
    }

    @Test
    void theNextRoundSendsOnlyWhatWasNotAcknowledged() throws SQLException {
        List<Long> seqs = insertEvents(5);
        sender.failFrom = seqs.get(2);
        assertThrows(IllegalStateException.class, relay::publishBatch);
        sender.failFrom = Long.MAX_VALUE;
        sender.sent.clear();

        assertEquals(3, relay.publishBatch());

        assertEquals(seqs.subList(2, 5), sender.sent);
        assertEquals(seqs, published());
    }

    @Test
    void anUnreachableBrokerMarksNothing() throws SQLException {
        insertEvents(3);
        sender.reachable = false;

        assertThrows(IllegalStateException.class, relay::publishBatch);

        assertEquals(List.of(), published());
        assertEquals(List.of(), sender.sent);
    }

    @Test
    void aRoundPublishesEveryPendingRowInOrder() throws SQLException {
        List<Long> seqs = insertEvents(4);

        assertEquals(4, relay.publishBatch());
        assertEquals(0, relay.publishBatch());

        assertEquals(seqs, sender.sent);
        assertEquals(seqs, published());
    }

    private static List<Long> insertEvents(int count) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (Connection c = connect(); var insert = c.prepareStatement("""
                INSERT INTO outbox_event (id, topic, record_key, type, envelope) VALUES (?, 'ventrack.test.v1', ?, 'test', '{}')
                RETURNING seq""")) {
            for (int i = 0; i < count; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "key-" + i);
                try (var row = insert.executeQuery()) {
                    row.next();
                    seqs.add(row.getLong(1));
                }
            }
        }
        return seqs;
    }

    private static List<Long> published() throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (Connection c = connect(); var select = c.createStatement();
                var rows = select.executeQuery("SELECT seq FROM outbox_event WHERE published_at IS NOT NULL ORDER BY seq")) {
            while (rows.next()) {
                seqs.add(rows.getLong(1));
            }
        }
        return seqs;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, database.user(), database.password());
    }

    private static OutboxRelay.Round inJdbcTransaction(OutboxRelay.RoundWork work) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                OutboxRelay.Round round = work.run(c);
                c.commit();
                return round;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Acknowledges rows before {@link #failFrom}; the row at {@code failFrom} and every later one fail. */
    private static final class ScriptedSender implements OutboxSender {
        final List<Long> sent = new ArrayList<>();
        long failFrom = Long.MAX_VALUE;
        boolean reachable = true;

        @Override
        public void checkReachable(Collection<String> topics) {
            if (!reachable) {
                throw new IllegalStateException("broker unreachable");
            }
        }

        @Override
        public Future<?> send(PendingEvent event) {
            sent.add(event.seq());
            return event.seq() < failFrom ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(new IllegalStateException("not acknowledged"));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static final class TestConfig implements OutboxConfig {
        @Override
        public boolean relayEnabled() {
            return true;
        }

        @Override
        public int batchSize() {
            return 500;
        }

        @Override
        public Duration idlePoll() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration coalesce() {
            return Duration.ofMillis(10);
        }

        @Override
        public Duration initialBackoff() {
            return Duration.ofMillis(100);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration retention() {
            return Duration.ofDays(7);
        }

        @Override
        public String serviceName() {
            return "relay-test";
        }
    }
}
