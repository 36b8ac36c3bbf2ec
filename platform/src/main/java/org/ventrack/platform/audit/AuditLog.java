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

import org.ventrack.platform.outbox.CommitBatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The audit trail: written in the transaction of the change it records, so there is no change without its entry. */
@ApplicationScoped
public class AuditLog {

    public static final String CREATE = "CREATE";
    public static final String UPDATE = "UPDATE";
    public static final String DELETE = "DELETE";

    private static final String SELECT = """
            SELECT id, at, actor, action, resource_type, resource_id, patient_id, before_state, after_state
            FROM audit_entry""";

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    CommitBatch batch;

    /**
     * Adds the entry to the current transaction; it is written with the transaction's outbox events in one statement
     * just before the commit ({@link CommitBatch}). The states are serialised now, as they are at this call.
     *
     * @param before and {@code after}: API views of the resource (records), or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String resourceType, Object resourceId, UUID patientId,
            Object before, Object after) {
        try {
            batch.audit(actor, action, resourceType, resourceId.toString(), patientId,
                    before == null ? null : json.writeValueAsString(before), after == null ? null : json.writeValueAsString(after));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the audit entry of " + resourceType + " " + resourceId, e);
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
