package org.ventrack.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.ventrack.devstack.Database;
import org.ventrack.devstack.FreePorts;
import org.ventrack.platform.outbox.CommitBatch.AuditRow;
import org.ventrack.platform.outbox.CommitBatch.EventRow;

/** The one statement that writes a transaction's audit entries and outbox events, against a real PostgreSQL. */
class CommitBatchTest {

    private static Database database;
    private static PGSimpleDataSource dataSource;

    private final CommitBatch batch = new CommitBatch();

    @BeforeAll
    static void startDatabase() throws Exception {
        database = Database.embedded(Files.createTempDirectory("ventrack-batch-test-").resolve("postgres"), FreePorts.next());
        database.start();
        database.createDatabases(List.of("batch_test"));
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl("batch_test"));
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        database.stop();
    }

    @BeforeEach
    void empty() throws SQLException {
        batch.dataSource = dataSource;
        try (Connection c = dataSource.getConnection(); var delete = c.createStatement()) {
            delete.executeUpdate("DELETE FROM outbox_event; DELETE FROM audit_entry");
        }
    }

    @Test
    void writesAuditEntriesAndEventsInTheOrderTheyWereAdded() throws SQLException {
        UUID patient = UUID.randomUUID();
        List<EventRow> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(new EventRow(UUID.randomUUID(), "ventrack.test.v1", patient.toString(), "type-" + i, "{\"n\":" + i + "}"));
        }
        batch.write(List.of(
                new AuditRow("alice", "CREATE", "sample", "s-1", patient, null, "{\"b\": 2, \"a\": [1, null]}"),
                new AuditRow("bob", "UPDATE", "site", "FR-01", null, "{\"x\": 1}", "{\"x\": 2}")), events);

        try (Connection c = dataSource.getConnection(); var select = c.createStatement();
                var rows = select.executeQuery("SELECT type, id, record_key, envelope, topic FROM outbox_event ORDER BY seq")) {
            for (EventRow expected : events) {
                rows.next();
                assertEquals(expected.type(), rows.getString(1));
                assertEquals(expected.id(), rows.getObject(2, UUID.class));
                assertEquals(expected.key(), rows.getString(3));
                assertEquals(expected.envelope(), rows.getString(4));
                assertEquals(expected.topic(), rows.getString(5));
            }
            assertEquals(false, rows.next());
        }
        try (Connection c = dataSource.getConnection(); var select = c.createStatement();
                var rows = select.executeQuery("SELECT actor, action, resource_type, resource_id, patient_id, "
                        + "before_state, after_state -> 'a' ->> 0 FROM audit_entry ORDER BY id")) {
            rows.next();
            assertEquals(List.of("alice", "CREATE", "sample", "s-1"),
                    List.of(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            assertEquals(patient, rows.getObject(5, UUID.class));
            assertNull(rows.getString(6));
            assertEquals("1", rows.getString(7)); // stored as jsonb, not as a JSON string
            rows.next();
            assertEquals("bob", rows.getString(1));
            assertNull(rows.getObject(5));
            assertEquals("{\"x\": 1}", rows.getString(6));
            assertEquals(false, rows.next());
        }
    }

    @Test
    void writesEitherKindAlone() throws SQLException {
        batch.write(List.of(new AuditRow("alice", "DELETE", "sample", "s-2", null, "{}", null)), List.of());
        batch.write(List.of(), List.of(new EventRow(UUID.randomUUID(), "ventrack.test.v1", "k", "t", "{}")));
        assertEquals(1, count("audit_entry"));
        assertEquals(1, count("outbox_event"));
    }

    @Test
    void writesNothingWhenARowIsRefused() throws SQLException {
        UUID id = UUID.randomUUID();
        batch.write(List.of(), List.of(new EventRow(id, "ventrack.test.v1", "k", "t", "{}")));
        // the same event id twice: the one statement fails as a whole, so the audit entry is not written either
        assertThrows(IllegalStateException.class, () -> batch.write(
                List.of(new AuditRow("alice", "CREATE", "sample", "s-3", null, null, "{}")),
                List.of(new EventRow(id, "ventrack.test.v1", "k", "t", "{}"))));
        assertEquals(0, count("audit_entry"));
        assertEquals(1, count("outbox_event"));
    }

    private static long count(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); var select = c.createStatement();
                var rows = select.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
