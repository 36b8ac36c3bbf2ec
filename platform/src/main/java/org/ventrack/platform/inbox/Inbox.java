package org.ventrack.platform.inbox;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.platform.events.EventEnvelope;

/** Remembers which events this service has applied, in the same transaction as the read-model update. */
@ApplicationScoped
public class Inbox {

    private static final String RECORD = """
            INSERT INTO inbox_event (event_id, topic, type, subject, event_time) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING""";

    @Inject
    DataSource dataSource;

    /** @return true the first time {@code event} is seen, false for a redelivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String topic, EventEnvelope event) {
        try (Connection connection = dataSource.getConnection(); var insert = connection.prepareStatement(RECORD)) {
            insert.setObject(1, event.id());
            insert.setString(2, topic);
            insert.setString(3, event.type());
            insert.setString(4, event.subject());
            insert.setObject(5, event.time());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new InboxException("could not record event " + event.id() + " in the inbox", e);
        }
    }

    static class InboxException extends RuntimeException {
        InboxException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
