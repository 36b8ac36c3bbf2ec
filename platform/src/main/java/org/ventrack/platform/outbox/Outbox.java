package org.ventrack.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;

/**
 * Records an event in the current database transaction. It reaches Kafka only if, and after, the transaction
 * commits; the relay is woken on commit so the event leaves at once.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (id, topic, record_key, type, envelope) VALUES (?, ?, ?, ?, ?)""";

    @Inject
    DataSource dataSource;
    @Inject
    EventCodec codec;
    @Inject
    OutboxConfig config;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    OutboxRelay relay;

    /**
     * @param topic   see {@link org.ventrack.platform.events.Topics}
     * @param type    see {@link org.ventrack.platform.events.EventTypes}
     * @param subject the patient id: CloudEvents subject and Kafka key, so one patient's events stay in order
     * @param payload a payload record from {@code org.ventrack.platform.events}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String topic, String type, Object subject, Object payload) {
        EventEnvelope envelope = EventEnvelope.of("/ventrack/" + config.serviceName(), type, subject.toString(),
                OffsetDateTime.now(ZoneOffset.UTC), codec.toTree(payload));
        try (Connection connection = dataSource.getConnection();
                var insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, envelope.id());
            insert.setString(2, topic);
            insert.setString(3, envelope.subject());
            insert.setString(4, type);
            insert.setString(5, codec.write(envelope));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write event " + envelope.id() + " to the outbox", e);
        }
        // one wake-up per transaction, however many events it writes
        if (transactions.getResource(WakeRelayOnCommit.class) == null) {
            transactions.putResource(WakeRelayOnCommit.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        }
        return envelope;
    }

    /** One event of {@link #publishAll}: see {@link #publish} for the meaning of each part. */
    public record Publication(String topic, String type, Object subject, Object payload) {
    }

    /**
     * Records many events in the current transaction with one JDBC batch (bulk imports): the same rows as
     * {@link #publish} once per event, in the given order, so one patient's events keep their order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(java.util.List<Publication> publications) {
        if (publications.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
                var insert = connection.prepareStatement(INSERT)) {
            for (Publication p : publications) {
                EventEnvelope envelope = EventEnvelope.of("/ventrack/" + config.serviceName(), p.type(),
                        p.subject().toString(), now, codec.toTree(p.payload()));
                insert.setObject(1, envelope.id());
                insert.setString(2, p.topic());
                insert.setString(3, envelope.subject());
                insert.setString(4, p.type());
                insert.setString(5, codec.write(envelope));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + publications.size() + " events to the outbox", e);
        }
        if (transactions.getResource(WakeRelayOnCommit.class) == null) {
            transactions.putResource(WakeRelayOnCommit.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        }
    }

    private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
            }
        }
    }
}
