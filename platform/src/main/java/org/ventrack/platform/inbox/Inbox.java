package org.ventrack.platform.inbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.platform.events.EventEnvelope;

/** Remembers which events this service has applied, in the same transaction as the read-model update. */
@ApplicationScoped
public class Inbox {

    /** One event as delivered from a topic. */
    public record Delivery(String topic, EventEnvelope event) {
    }

    private static final String RECORD = """
            INSERT INTO inbox_event (event_id, topic, type, subject, event_time)
            SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id""";
    private static final String APPLIED = "UPDATE inbox_event SET applied_at = clock_timestamp() WHERE event_id = ANY (?)";

    @Inject
    DataSource dataSource;

    /**
     * Records the deliveries' event ids in one statement; the row locks taken here make a concurrent transaction
     * with the same event wait, then find it recorded.
     *
     * @return the ids seen for the first time; an id delivered twice within {@code deliveries} is returned once
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(List<Delivery> deliveries) {
        try (Connection connection = dataSource.getConnection(); var insert = connection.prepareStatement(RECORD)) {
            insert.setArray(1, connection.createArrayOf("uuid", deliveries.stream().map(d -> d.event().id()).toArray()));
            insert.setArray(2, connection.createArrayOf("text", deliveries.stream().map(Delivery::topic).toArray()));
            insert.setArray(3, connection.createArrayOf("text", deliveries.stream().map(d -> d.event().type()).toArray()));
            insert.setArray(4, connection.createArrayOf("text", deliveries.stream().map(d -> d.event().subject()).toArray()));
            insert.setArray(5, connection.createArrayOf("timestamptz", deliveries.stream().map(d -> d.event().time()).toArray()));
            Set<UUID> fresh = new HashSet<>();
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    fresh.add(inserted.getObject(1, UUID.class));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new InboxException("could not record " + deliveries.size() + " events in the inbox", e);
        }
    }

    /** Stamps {@code applied_at} of events whose read-model updates are done, just before the commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markApplied(Set<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); var update = connection.prepareStatement(APPLIED)) {
            update.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new InboxException("could not stamp " + eventIds.size() + " events as applied", e);
        }
    }

    static class InboxException extends RuntimeException {
        InboxException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
