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

    /**
     * True if {@code failure} or one of its causes says the database could not be reached. Suppressed exceptions count
     * as causes: a transaction manager reports a failure of a before-commit step (the audit and outbox rows are written
     * there) as a rollback carrying it that way.
     */
    public static boolean isCause(Throwable failure) {
        java.util.Deque<Throwable> pending = new java.util.ArrayDeque<>();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (saysUnreachable(t)) {
                return true;
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(java.util.List.of(t.getSuppressed()));
        }
        return false;
    }

    private static boolean saysUnreachable(Throwable t) {
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
        return t instanceof org.hibernate.exception.JDBCConnectionException;
    }
}
