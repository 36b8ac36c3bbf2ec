package org.ventrack.platform.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure to reach the database (server down, restarting, connection lost, pool unable to get a connection in
 * time) from any other failure: the request itself was fine, so the client gets 503 with {@code Retry-After} instead
 * of a 500, and may send it again.
 */
public final class DatabaseUnavailable {

    /** PostgreSQL's admin_shutdown, crash_shutdown and cannot_connect_now (server starting up or shutting down). */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {
    }

    /** True if {@code failure} or one of its causes says the database could not be reached. */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SHUTDOWN_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            // Agroal: "Acquisition timeout while waiting for new connection" (an SQLException without SQLState)
            if (t instanceof SQLException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
            if (t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
        }
        return false;
    }
}
