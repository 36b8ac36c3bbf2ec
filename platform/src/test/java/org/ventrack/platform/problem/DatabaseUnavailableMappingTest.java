package org.ventrack.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;

import org.hibernate.exception.JDBCConnectionException;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** A database that cannot be reached is a 503 with Retry-After; every other server failure stays a 500. */
class DatabaseUnavailableMappingTest {

    private final ProblemMappers mappers = mappers(Duration.ofSeconds(7));

    @Test
    void connectionRefusedIsA503WithRetryAfter() {
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:5433 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));
        RestResponse<Problem> response = mappers.unexpected(new PersistenceException("could not open", refused), null);

        assertEquals(503, response.getStatus());
        assertEquals("7", response.getHeaderString(HttpHeaders.RETRY_AFTER));
        assertEquals(Problem.MEDIA_TYPE, response.getHeaderString(HttpHeaders.CONTENT_TYPE));
        assertEquals("https://ventrack.org/problems/database-unavailable", response.getEntity().type().toString());
        assertEquals(503, response.getEntity().status());
    }

    @Test
    void connectionLostMidStatementIsUnavailable() {
        assertTrue(DatabaseUnavailable.isCause(new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE)));
        assertTrue(DatabaseUnavailable.isCause(new SQLException("This connection has been closed.", "08003")));
    }

    @Test
    void aRollbackCarryingTheBeforeCommitFailureAsSuppressedIsUnavailable() {
        jakarta.transaction.RollbackException rollback = new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new IllegalStateException("could not write the transaction's audit entries",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));

        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(rollback)));
        assertEquals(503, mappers.unexpected(new RuntimeException(rollback), null).getStatus());
        assertFalse(DatabaseUnavailable.isCause(new jakarta.transaction.RollbackException("rolled back for another reason")));
    }

    @Test
    void serverShutdownStatesAreUnavailable() {
        assertTrue(DatabaseUnavailable.isCause(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseUnavailable.isCause(new SQLException("terminating connection due to crash of another server process", "57P02")));
        assertTrue(DatabaseUnavailable.isCause(new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void poolAcquisitionTimeoutIsUnavailable() {
        SQLException agroal = new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException());
        assertTrue(DatabaseUnavailable.isCause(new PersistenceException(agroal)));
        assertEquals(503, mappers.unexpected(new IllegalStateException("wrapped", agroal), null).getStatus());
    }

    @Test
    void hibernateConnectionExceptionsAndJdbcConnectionClassesAreUnavailable() {
        assertTrue(DatabaseUnavailable.isCause(new JDBCConnectionException("could not prepare statement",
                new SQLException("I/O error", (String) null))));
        assertTrue(DatabaseUnavailable.isCause(new SQLTransientConnectionException("pool closed")));
    }

    @Test
    void otherDatabaseErrorsAreNotUnavailable() {
        assertFalse(DatabaseUnavailable.isCause(new SQLException("null value in column", "23502")));
        assertFalse(DatabaseUnavailable.isCause(new SQLException("relation does not exist", "42P01")));
        assertFalse(DatabaseUnavailable.isCause(new SQLException("deadlock detected", "40P01")));
        assertFalse(DatabaseUnavailable.isCause(new IllegalStateException("bug")));

        RestResponse<Problem> bug = mappers.unexpected(new IllegalStateException("bug", new SQLException("syntax", "42601")), null);
        assertEquals(500, bug.getStatus());
        assertNull(bug.getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    @Test
    void aDuplicateKeyStaysAConflict() {
        assertEquals(409, mappers.unexpected(new PersistenceException(new SQLException("duplicate key", "23505")), null).getStatus());
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        RestResponse<Problem> response = mappers(Duration.ofMillis(200))
                .unexpected(new SQLTransientConnectionException("pool closed"), null);
        assertEquals("1", response.getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    private static ProblemMappers mappers(Duration retryAfter) {
        ProblemMappers mappers = new ProblemMappers();
        mappers.config = () -> retryAfter;
        return mappers;
    }
}
