package org.ventrack.pk.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ventrack.platform.jdbc.Jdbc;
import jakarta.transaction.Transactional;

import org.ventrack.platform.audit.AuditLog;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.events.pk.AlertRaised;
import org.ventrack.platform.outbox.Outbox;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.rest.Page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Alerts for a site's clinicians: raised with their event in the transaction of the cause, acknowledged once. */
@ApplicationScoped
public class Alerts {

    public static final String FLAGGED_SAMPLE = "FLAGGED_SAMPLE";
    public static final String STRONG_INHIBITOR_STARTED = "STRONG_INHIBITOR_STARTED";

    /** An alert as stored. */
    public record Alert(UUID id, UUID patientId, String siteCode, String kind, UUID sampleId, UUID comedicationId,
            List<String> flags, List<String> reasons, OffsetDateTime raisedAt, String acknowledgedBy,
            OffsetDateTime acknowledgedAt) {
    }

    private static final String INSERT = """
            INSERT INTO pk_alert (id, patient_id, site_code, kind, sample_id, comedication_id, flags, reasons, raised_at)
            VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?) ON CONFLICT DO NOTHING""";
    private static final String COLUMNS = """
            SELECT id, patient_id, site_code, kind, sample_id, comedication_id, flags::text, reasons::text, raised_at,
                   acknowledged_by, acknowledged_at FROM pk_alert""";

    @Inject
    DataSource dataSource;
    @Inject
    Outbox outbox;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;

    /** Raises the alert and publishes it; an alert for a co-medication already alerted on is not raised twice. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raise(UUID patientId, String siteCode, String kind, UUID sampleId, UUID comedicationId,
            List<String> flags, List<String> reasons) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int inserted = Jdbc.update(dataSource, INSERT, id, patientId, siteCode, kind, sampleId, comedicationId, write(flags),
                write(reasons), now);
        if (inserted == 1) {
            outbox.publish(Topics.PK, EventTypes.ALERT_RAISED, patientId,
                    new AlertRaised(id, patientId, kind, sampleId, flags, reasons, now));
        }
    }

    /**
     * @param sites  the caller's sites, empty for every site
     * @param status open, acknowledged or all
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Alert> list(Optional<Set<String>> sites, String site, String status, int page, int size) {
        String where = " WHERE (? OR site_code = ANY (?)) AND (CAST(? AS text) IS NULL OR site_code = ?)"
                + switch (status) {
                    case "open" -> " AND acknowledged_at IS NULL";
                    case "acknowledged" -> " AND acknowledged_at IS NOT NULL";
                    default -> "";
                };
        try (Connection c = dataSource.getConnection();
                var select = c.prepareStatement(COLUMNS + where + " ORDER BY raised_at DESC, id LIMIT ? OFFSET ?");
                var count = c.prepareStatement("SELECT count(*) FROM pk_alert" + where)) {
            for (var statement : List.of(select, count)) {
                statement.setBoolean(1, sites.isEmpty());
                statement.setArray(2, c.createArrayOf("text", sites.orElse(Set.of()).toArray()));
                statement.setString(3, site);
                statement.setString(4, site);
            }
            select.setInt(5, size);
            select.setInt(6, page * size);
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    alerts.add(alert(row));
                }
            }
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return new Page<>(alerts, page, size, row.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read alerts", e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Alert> find(UUID id) {
        try (Connection c = dataSource.getConnection(); var select = c.prepareStatement(COLUMNS + " WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(alert(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the alert", e);
        }
    }

    /** Acknowledges an open alert: 409 when it already was. */
    @Transactional
    public Alert acknowledge(Alert alert, String by) {
        int changed = Jdbc.update(dataSource, "UPDATE pk_alert SET acknowledged_by = ?, acknowledged_at = clock_timestamp() "
                + "WHERE id = ? AND acknowledged_at IS NULL", by, alert.id());
        if (changed == 0) {
            throw ProblemException.conflict("Alert " + alert.id() + " was already acknowledged.");
        }
        Alert after = find(alert.id()).orElseThrow();
        audit.record(by, AuditLog.UPDATE, "alert", alert.id(), alert.patientId(), alert, after);
        return after;
    }

    private Alert alert(ResultSet row) throws SQLException {
        return new Alert(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3), row.getString(4),
                row.getObject(5, UUID.class), row.getObject(6, UUID.class), read(row.getString(7)), read(row.getString(8)),
                row.getObject(9, OffsetDateTime.class), row.getString(10), row.getObject(11, OffsetDateTime.class));
    }


    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String text) {
        try {
            return List.of(json.readValue(text, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
