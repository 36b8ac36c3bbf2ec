package org.ventrack.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;

/**
 * Records an event in the current database transaction. It reaches Kafka only if, and after, the transaction
 * commits; the relay is woken on commit so the event leaves at once. The row is written with the transaction's other
 * events and audit entries in one statement just before the commit ({@link CommitBatch}).
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EventCodec codec;
    @Inject
    OutboxConfig config;
    @Inject
    CommitBatch batch;

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
        batch.event(new CommitBatch.EventRow(envelope.id(), topic, envelope.subject(), type, codec.write(envelope)));
        return envelope;
    }

    /** One event of {@link #publishAll}: see {@link #publish} for the meaning of each part. */
    public record Publication(String topic, String type, Object subject, Object payload) {
    }

    /**
     * Records many events in the current transaction (bulk imports), in the given order, so one patient's events keep
     * their order; all are written with the transaction's other rows in one statement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(java.util.List<Publication> publications) {
        for (Publication p : publications) {
            publish(p.topic(), p.type(), p.subject(), p.payload());
        }
    }
}
