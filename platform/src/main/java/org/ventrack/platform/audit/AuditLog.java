package org.ventrack.platform.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.platform.outbox.CommitBatch;
import org.ventrack.platform.rest.Page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/** The audit trail: written in the transaction of the change it records, so there is no change without its entry. */
@ApplicationScoped
public class AuditLog {

    public static final String CREATE = "CREATE";
    public static final String UPDATE = "UPDATE";
    public static final String DELETE = "DELETE";

    private static final String SELECT = """
            SELECT id, at, actor, action, resource_type, resource_id, patient_id, before_state, after_state
            FROM audit_entry""";

    private static final String INSERT_DENIAL = """
            INSERT INTO access_denial (actor, actor_sites, site_code, patient_id, method, path) VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String SELECT_DENIALS = """
            SELECT id, at, actor, actor_sites, site_code, patient_id, method, path, count(*) OVER () FROM access_denial
            WHERE (CAST(? AS uuid) IS NULL OR patient_id = CAST(? AS uuid)) AND (CAST(? AS text) IS NULL OR site_code = ?)
            ORDER BY id DESC LIMIT ? OFFSET ?""";

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

    /**
     * Records a refused attempt on another site's data, in a transaction of its own: the request it belongs to fails
     * and rolls back, the record stays. A failure to write it is logged and does not change the caller's answer.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordDenial(String actor, Collection<String> actorSites, String siteCode, UUID patientId, String method,
            String path) {
        try (Connection c = dataSource.getConnection(); var insert = c.prepareStatement(INSERT_DENIAL)) {
            insert.setString(1, actor);
            insert.setArray(2, c.createArrayOf("text", actorSites.stream().sorted().toArray()));
            insert.setString(3, siteCode);
            insert.setObject(4, patientId);
            insert.setString(5, method);
            insert.setString(6, path);
            insert.executeUpdate();
        } catch (SQLException e) {
            Log.warnf("could not record the access denial of %s on site %s patient %s: %s", actor, siteCode, patientId,
                    e.getMessage());
        }
    }

    /** Refused attempts on other sites' data, newest first, optionally of one patient and/or one site. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AccessDenial> denials(UUID patientId, String siteCode, int page, int size) {
        try (Connection c = dataSource.getConnection(); var select = c.prepareStatement(SELECT_DENIALS)) {
            select.setObject(1, patientId);
            select.setObject(2, patientId);
            select.setString(3, siteCode);
            select.setString(4, siteCode);
            select.setInt(5, size);
            select.setLong(6, (long) page * size);
            List<AccessDenial> denials = new ArrayList<>();
            long total = 0;
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    denials.add(new AccessDenial(row.getLong(1), row.getObject(2, OffsetDateTime.class), row.getString(3),
                            List.of((String[]) row.getArray(4).getArray()), row.getString(5), row.getObject(6, UUID.class),
                            row.getString(7), row.getString(8)));
                    total = row.getLong(9);
                }
            }
            if (denials.isEmpty() && page > 0) {
                total = denials(patientId, siteCode, 0, 1).total();
            }
            return new Page<>(denials, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the access denials", e);
        }
    }

    /** One entry of {@link #recordAll}: see {@link #record} for the meaning of each part. */
    public record Entry(String actor, String action, String resourceType, Object resourceId, UUID patientId,
            Object before, Object after) {
    }

    /** Adds many entries to the current transaction (bulk imports); all are written with its other rows in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Entry> entries) {
        for (Entry e : entries) {
            record(e.actor(), e.action(), e.resourceType(), e.resourceId(), e.patientId(), e.before(), e.after());
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
