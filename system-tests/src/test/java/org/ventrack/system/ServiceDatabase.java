package org.ventrack.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.ventrack.devstack.LocalStack;

/** Read-only queries on one service's database of a running stack, to reconcile what the APIs reported. */
final class ServiceDatabase {

    private final LocalStack stack;
    private final String service;

    ServiceDatabase(LocalStack stack, String service) {
        this.stack = stack;
        this.service = service;
    }

    long count(String sql, Object... parameters) {
        List<List<Object>> rows = rows(sql, parameters);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    /** The first column of every row, as text. */
    List<String> column(String sql, Object... parameters) {
        return rows(sql, parameters).stream().map(r -> r.get(0) == null ? null : r.get(0).toString()).toList();
    }

    List<List<Object>> rows(String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(stack.database().jdbcUrl(LocalStack.databaseOf(service)),
                stack.database().user(), stack.database().password());
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof Collection<?> values) {
                    boolean uuids = !values.isEmpty() && values.iterator().next() instanceof UUID;
                    parameter = c.createArrayOf(uuids ? "uuid" : "text", values.toArray());
                }
                statement.setObject(i + 1, parameter);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        row.add(result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(service + ": " + sql + ": " + e.getMessage(), e);
        }
    }
}
