package org.ventrack.platform.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The audit trail: written in the transaction of the change it records, so there is no change without its entry. */
@ApplicationScoped
public class AuditLog {

    public static final String CREATE = "CREATE";
    public static final String UPDATE = "UPDATE";
    public static final String DELETE = "DELETE";

    private static final String INSERT = """
            INSERT INTO audit_entry (actor, action, resource_type, resource_id, patient_id, before_state, after_state)
            VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))""";
    private static final String SELECT = """
            SELECT id, at, actor, action, resource_type, resource_id, patient_id, before_state, after_state
            FROM audit_entry""";

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;

    /** @param before and {@code after}: API views of the resource (records), or null */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String resourceType, Object resourceId, UUID patientId,
            Object before, Object after) {
        try (Connection c = dataSource.getConnection(); var insert = c.prepareStatement(INSERT)) {
            insert.setString(1, actor);
            insert.setString(2, action);
            insert.setString(3, resourceType);
            insert.setString(4, resourceId.toString());
            insert.setObject(5, patientId);
            insert.setString(6, before == null ? null : json.writeValueAsString(before));
            insert.setString(7, after == null ? null : json.writeValueAsString(after));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not write the audit entry of " + resourceType + " " + resourceId, e);
        }
    }

    /** One entry of {@link #recordAll}: see {@link #record} for the meaning of each part. */
    public record Entry(String actor, String action, String resourceType, Object resourceId, UUID patientId,
            Object before, Object after) {
    }

    /** Writes many entries in the current transaction with one JDBC batch (bulk imports). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); var insert = c.prepareStatement(INSERT)) {
            for (Entry e : entries) {
                insert.setString(1, e.actor());
                insert.setString(2, e.action());
                insert.setString(3, e.resourceType());
                insert.setString(4, e.resourceId().toString());
                insert.setObject(5, e.patientId());
                insert.setString(6, e.before() == null ? null : json.writeValueAsString(e.before()));
                insert.setString(7, e.after() == null ? null : json.writeValueAsString(e.after()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not write " + entries.size() + " audit entries", e);
        }
    }

    /** Every change to a patient and to the records that belong to it, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> ofPatient(UUID patientId) {
        return query(SELECT + " WHERE patient_id = ? ORDER BY id", patientId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> of(String resourceType, Object resourceId) {
        return query(SELECT + " WHERE resource_type = ? AND resource_id = ? ORDER BY id", resourceType, resourceId.toString());
    }

    private List<AuditEntry> query(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); var select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.add(new AuditEntry(row.getLong(1), row.getObject(2, OffsetDateTime.class), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getObject(7, UUID.class),
                            tree(row.getString(8)), tree(row.getString(9))));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
    }

    private JsonNode tree(String value) {
        try {
            return value == null ? null : json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable audit state", e);
        }
    }
}
