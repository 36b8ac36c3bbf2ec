package org.ventrack.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class InboxProcessorTest {

    @Test
    void databaseOutagesAreTransient() {
        assertTrue(InboxProcessor.isTransient(new IllegalStateException(new SQLException("refused", "08001"))));
        assertTrue(InboxProcessor.isTransient(new SQLTransientConnectionException("pool exhausted")));
        assertTrue(InboxProcessor.isTransient(new SQLException("terminating connection", "57P01")));
        assertTrue(InboxProcessor.isTransient(new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(InboxProcessor.isTransient(new RuntimeException(new ConnectException("Connection refused"))));
        assertTrue(InboxProcessor.isTransient(new SQLException("deadlock detected", "40P01")));
    }

    @Test
    void dataErrorsAreNot() {
        assertFalse(InboxProcessor.isTransient(new IllegalStateException(new SQLException("value too long", "22001"))));
        assertFalse(InboxProcessor.isTransient(new SQLException("null value in column", "23502")));
        assertFalse(InboxProcessor.isTransient(new IllegalArgumentException("bad")));
    }
}
