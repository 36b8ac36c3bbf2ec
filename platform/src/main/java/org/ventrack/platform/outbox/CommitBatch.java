package org.ventrack.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The audit entries and outbox events of the current transaction, kept until it is about to commit and then written
 * in one statement (one round trip, however many rows), on the transaction's own connection: they commit or roll back
 * with the change they record, as if written at once. Rows keep the order they were added in ({@code audit_entry.id}
 * and {@code outbox_event.seq} follow it). The relay is woken once the transaction has committed events.
 * <p>
 * Nothing in the transaction can read these rows back before the commit; nothing does (the audit trail and the
 * outbox are read by other transactions only).
 */
@ApplicationScoped
public class CommitBatch {

    private static final String INSERT = """
            WITH audit AS (
                INSERT INTO audit_entry (actor, action, resource_type, resource_id, patient_id, before_state, after_state)
                SELECT a.actor, a.action, a.resource_type, a.resource_id, a.patient_id,
                       CAST(a.before_state AS jsonb), CAST(a.after_state AS jsonb)
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS uuid[]),
                            CAST(? AS text[]), CAST(? AS text[]))
                     WITH ORDINALITY AS a (actor, action, resource_type, resource_id, patient_id, before_state, after_state, n)
                ORDER BY a.n)
            INSERT INTO outbox_event (id, topic, record_key, type, envelope)
            SELECT e.id, e.topic, e.record_key, e.type, e.envelope
            FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                 WITH ORDINALITY AS e (id, topic, record_key, type, envelope, n)
            ORDER BY e.n""";

    /** An audit entry; {@code before} and {@code after} are JSON text or null. */
    record AuditRow(String actor, String action, String resourceType, String resourceId, UUID patientId, String before,
            String after) {
    }

    /** An outbox event: its id, topic, Kafka key, type and the serialised envelope. */
    record EventRow(UUID id, String topic, String key, String type, String envelope) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    OutboxRelay relay;

    /** Adds an audit entry to the current transaction (which must be active). */
    public void audit(String actor, String action, String resourceType, String resourceId, UUID patientId, String before,
            String after) {
        current().audit.add(new AuditRow(actor, action, resourceType, resourceId, patientId, before, after));
    }

    void event(EventRow event) {
        current().events.add(event);
    }

    private Rows current() {
        Rows rows = (Rows) transactions.getResource(Rows.class);
        if (rows == null) {
            rows = new Rows(this);
            transactions.putResource(Rows.class, rows);
            transactions.registerInterposedSynchronization(rows);
        } else if (rows.written) {
            // e.g. from another synchronization's beforeCompletion: the row would be lost, so the commit fails
            throw new IllegalStateException("an audit entry or event was added after the transaction's batch was written");
        }
        return rows;
    }

    void write(List<AuditRow> audit, List<EventRow> events) {
        try (Connection c = dataSource.getConnection(); var insert = c.prepareStatement(INSERT)) {
            insert.setArray(1, c.createArrayOf("text", audit.stream().map(AuditRow::actor).toArray()));
            insert.setArray(2, c.createArrayOf("text", audit.stream().map(AuditRow::action).toArray()));
            insert.setArray(3, c.createArrayOf("text", audit.stream().map(AuditRow::resourceType).toArray()));
            insert.setArray(4, c.createArrayOf("text", audit.stream().map(AuditRow::resourceId).toArray()));
            insert.setArray(5, c.createArrayOf("uuid", audit.stream().map(AuditRow::patientId).toArray()));
            insert.setArray(6, c.createArrayOf("text", audit.stream().map(AuditRow::before).toArray()));
            insert.setArray(7, c.createArrayOf("text", audit.stream().map(AuditRow::after).toArray()));
            insert.setArray(8, c.createArrayOf("uuid", events.stream().map(EventRow::id).toArray()));
            insert.setArray(9, c.createArrayOf("text", events.stream().map(EventRow::topic).toArray()));
            insert.setArray(10, c.createArrayOf("text", events.stream().map(EventRow::key).toArray()));
            insert.setArray(11, c.createArrayOf("text", events.stream().map(EventRow::type).toArray()));
            insert.setArray(12, c.createArrayOf("text", events.stream().map(EventRow::envelope).toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the transaction's " + audit.size() + " audit entries and "
                    + events.size() + " outbox events", e);
        }
    }

    /** The rows of one transaction; writes them before it commits, wakes the relay after it committed events. */
    private static final class Rows implements Synchronization {
        private final CommitBatch batch;
        final List<AuditRow> audit = new ArrayList<>(2);
        final List<EventRow> events = new ArrayList<>(4);
        boolean written;

        Rows(CommitBatch batch) {
            this.batch = batch;
        }

        @Override
        public void beforeCompletion() {
            written = true;
            if (!audit.isEmpty() || !events.isEmpty()) {
                batch.write(audit, events);
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED && !events.isEmpty()) {
                batch.relay.wakeUp();
            }
        }
    }
}
