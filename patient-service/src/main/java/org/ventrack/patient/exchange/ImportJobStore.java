package org.ventrack.patient.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ventrack.platform.jdbc.Jdbc;

/** Import jobs in patient-service's database (plain SQL; every method joins the caller's transaction if any). */
@ApplicationScoped
class ImportJobStore {

    private static final String COLUMNS = """
            id, state, format, record_type, dry_run, rows_total, rows_done, rows_applied, rows_unchanged, rows_rejected,
            (SELECT count(*) FROM import_pending_row p WHERE p.job_id = j.id), records_applied, records_unchanged,
            records_rejected, failure, created_at, started_at, finished_at""";

    /** How a job runs, as stored. */
    record Definition(UUID id, String owner, Set<String> roles, Set<String> sites, String format, String recordType,
            boolean dryRun, ImportJob.State state, long rowsDone) {
    }

    /** A row waiting for its peer records. */
    record Pending(long rowNumber, long line, boolean localApplied, boolean localRejected) {
    }

    /** What a chunk adds to the job's counters. */
    static final class Counts {
        long rowsApplied;
        long rowsUnchanged;
        long rowsRejected;
        long recordsApplied;
        long recordsUnchanged;
        long recordsRejected;
    }

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;

    void create(UUID id, ImportCaller owner, String format, String recordType, boolean dryRun, long rowsTotal, String content) {
        OffsetDateTime now = now();
        try {
            Jdbc.update(dataSource, """
                    INSERT INTO import_job (id, owner, owner_roles, owner_sites, format, record_type, dry_run, state,
                        rows_total, created_at, updated_at)
                    VALUES (?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, 'QUEUED', ?, ?, ?)""",
                    id, owner.name(), json.writeValueAsString(owner.roles()), json.writeValueAsString(owner.sites()),
                    format, recordType, dryRun, rowsTotal, now, now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Jdbc.update(dataSource, "INSERT INTO import_upload (job_id, content) VALUES (?, ?)", id, content);
    }

    Optional<Definition> definition(UUID id) {
        return query("""
                SELECT id, owner, owner_roles, owner_sites, format, record_type, dry_run, state, rows_done
                FROM import_job WHERE id = ?""", r -> new Definition(r.getObject(1, UUID.class), r.getString(2),
                set(r.getString(3)), set(r.getString(4)), r.getString(5), r.getString(6), r.getBoolean(7),
                ImportJob.State.valueOf(r.getString(8)), r.getLong(9)), id).stream().findFirst();
    }

    /** Jobs a restart interrupted or never started. */
    List<UUID> unfinished() {
        return query("SELECT id FROM import_job WHERE state IN ('QUEUED', 'RUNNING') ORDER BY created_at",
                r -> r.getObject(1, UUID.class));
    }

    String content(UUID id) {
        return query("SELECT content FROM import_upload WHERE job_id = ?", r -> r.getString(1), id).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the upload of import " + id + " is gone"));
    }

    Optional<ImportJob> find(UUID id, String owner) {
        return query("SELECT " + COLUMNS + " FROM import_job j WHERE id = ? AND owner = ?", ImportJobStore::job, id, owner)
                .stream().findFirst();
    }

    List<ImportJob> ofOwner(String owner, int limit) {
        return query("SELECT " + COLUMNS + " FROM import_job j WHERE owner = ? ORDER BY created_at DESC LIMIT ?",
                ImportJobStore::job, owner, limit);
    }

    ImportJob.Rejections rejections(UUID id, int page, int size) {
        long total = query("SELECT count(*) FROM import_rejection WHERE job_id = ?", r -> r.getLong(1), id).get(0);
        List<ImportJob.Rejection> items = query("""
                SELECT line, section, record_key, field, reason, peer_status FROM import_rejection WHERE job_id = ?
                ORDER BY line, id LIMIT ? OFFSET ?""", r -> new ImportJob.Rejection(r.getLong(1), r.getString(2),
                r.getString(3), r.getString(4), r.getString(5), (Integer) r.getObject(6)), id, size, (long) page * size);
        return new ImportJob.Rejections(page, size, total, items);
    }

    void state(UUID id, ImportJob.State state, String failure) {
        boolean ends = state == ImportJob.State.SUCCEEDED || state == ImportJob.State.FAILED;
        Jdbc.update(dataSource, """
                UPDATE import_job SET state = ?, failure = ?, updated_at = ?,
                    started_at = CASE WHEN ? = 'RUNNING' THEN coalesce(started_at, ?) ELSE started_at END,
                    finished_at = CASE WHEN ? THEN ? ELSE NULL END
                WHERE id = ?""", state.name(), failure, now(), state.name(), now(), ends, now(), id);
        if (ends) {
            Jdbc.update(dataSource, "DELETE FROM import_upload WHERE job_id = ?", id);
        }
    }

    /** Called in the chunk's transaction, with the rows it applied: the cursor moves with them. */
    void progress(UUID id, long rowsDone, Counts c) {
        Jdbc.update(dataSource, """
                UPDATE import_job SET rows_done = greatest(rows_done, ?), rows_applied = rows_applied + ?,
                    rows_unchanged = rows_unchanged + ?, rows_rejected = rows_rejected + ?,
                    records_applied = records_applied + ?, records_unchanged = records_unchanged + ?,
                    records_rejected = records_rejected + ?, updated_at = ?
                WHERE id = ?""", rowsDone, c.rowsApplied, c.rowsUnchanged, c.rowsRejected, c.recordsApplied,
                c.recordsUnchanged, c.recordsRejected, now(), id);
    }

    void reject(UUID id, List<ImportJob.Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO import_rejection (job_id, line, section, record_key, field, reason, peer_status)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (ImportJob.Rejection r : rejections) {
                Jdbc.bind(s, id, r.line(), r.section(), r.key(), r.field(), r.reason(), r.peerStatus());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the rejected rows of import " + id, e);
        }
    }

    void addPending(UUID id, List<Pending> rows) {
        for (Pending p : rows) {
            Jdbc.update(dataSource, """
                    INSERT INTO import_pending_row (job_id, row_number, line, local_applied, local_rejected)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", id, p.rowNumber(), p.line(), p.localApplied(),
                    p.localRejected());
        }
    }

    Map<Long, Pending> pending(UUID id) {
        Map<Long, Pending> rows = new HashMap<>();
        query("SELECT row_number, line, local_applied, local_rejected FROM import_pending_row WHERE job_id = ?",
                r -> new Pending(r.getLong(1), r.getLong(2), r.getBoolean(3), r.getBoolean(4)), id)
                .forEach(p -> rows.put(p.rowNumber(), p));
        return rows;
    }

    void removePending(UUID id, long rowNumber) {
        Jdbc.update(dataSource, "DELETE FROM import_pending_row WHERE job_id = ? AND row_number = ?", id, rowNumber);
    }

    private static ImportJob job(ResultSet r) throws SQLException {
        return new ImportJob(r.getObject(1, UUID.class), ImportJob.State.valueOf(r.getString(2)), r.getString(3),
                r.getString(4), r.getBoolean(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10),
                r.getLong(11), new ImportJob.Records(r.getLong(12), r.getLong(13), r.getLong(14)), r.getString(15),
                r.getObject(16, OffsetDateTime.class), r.getObject(17, OffsetDateTime.class),
                r.getObject(18, OffsetDateTime.class), null);
    }

    private Set<String> set(String jsonArray) {
        try {
            return Set.copyOf(json.readValue(jsonArray, new TypeReference<List<String>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, parameters);
            List<T> result = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(mapper.map(r));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("import jobs: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
