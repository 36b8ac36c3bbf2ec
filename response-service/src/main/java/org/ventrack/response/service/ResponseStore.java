package org.ventrack.response.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ventrack.platform.jdbc.Jdbc;
import jakarta.transaction.Transactional;

/**
 * The stored results: every classification with its history, and each patient's best response as last published.
 * Plain JDBC: rows are compared and superseded, never edited in place.
 */
@ApplicationScoped
public class ResponseStore {

    /** A stored classification; {@code reasons} and {@code missing} are JSON text. */
    public record StoredClassification(long id, UUID assessmentId, UUID patientId, String criteria, String criteriaVersion,
            String category, boolean mrdNegative, String reasons, String missing, UUID baselineAssessmentId,
            OffsetDateTime classifiedAt, OffsetDateTime supersededAt) {
    }

    /** A stored best response; the fields of {@code BestResponseChanged} and the baseline blasts. */
    public record StoredBestResponse(UUID patientId, String criteria, String criteriaVersion, String bestResponse,
            LocalDate bestResponseDate, String mrdAtBestResponse, boolean treatmentFailure, LocalDate treatmentFailureDate,
            LocalDate firstCompleteRemissionDate, boolean relapseAfterCompleteRemission, LocalDate relapseDate,
            BigDecimal baselineBlastPercent) {

        public StoredBestResponse withBaseline(BigDecimal blasts) {
            return new StoredBestResponse(patientId, criteria, criteriaVersion, bestResponse, bestResponseDate,
                    mrdAtBestResponse, treatmentFailure, treatmentFailureDate, firstCompleteRemissionDate,
                    relapseAfterCompleteRemission, relapseDate, blasts);
        }
    }

    private static final String CLASSIFICATION_COLUMNS = """
            SELECT id, assessment_id, patient_id, criteria, criteria_version, category, mrd_negative, reasons::text,
                   missing::text, baseline_assessment_id, classified_at, superseded_at FROM classification""";
    private static final String INSERT_CLASSIFICATION = """
            INSERT INTO classification (assessment_id, patient_id, criteria, criteria_version, category, mrd_negative,
                                        reasons, missing, baseline_assessment_id)
            VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)""";
    private static final String SUPERSEDE = "UPDATE classification SET superseded_at = clock_timestamp() WHERE id = ANY (?)";
    private static final String BEST_COLUMNS = """
            SELECT patient_id, criteria, criteria_version, best_response, best_response_date, mrd_at_best_response,
                   treatment_failure, treatment_failure_date, first_cr_date, relapse_after_cr, relapse_date,
                   baseline_blast_percent FROM best_response""";
    private static final String UPSERT_BEST = """
            INSERT INTO best_response (patient_id, criteria, criteria_version, best_response, best_response_date,
                mrd_at_best_response, treatment_failure, treatment_failure_date, first_cr_date, relapse_after_cr,
                relapse_date, baseline_blast_percent)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (patient_id, criteria) DO UPDATE SET criteria_version = excluded.criteria_version,
                best_response = excluded.best_response, best_response_date = excluded.best_response_date,
                mrd_at_best_response = excluded.mrd_at_best_response, treatment_failure = excluded.treatment_failure,
                treatment_failure_date = excluded.treatment_failure_date, first_cr_date = excluded.first_cr_date,
                relapse_after_cr = excluded.relapse_after_cr, relapse_date = excluded.relapse_date,
                baseline_blast_percent = excluded.baseline_blast_percent, updated_at = clock_timestamp()""";

    @Inject
    DataSource dataSource;

    /** The current classifications of a patient, by criteria set, then by assessment (one query for every set). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Map<UUID, StoredClassification>> current(UUID patientId) {
        Map<String, Map<UUID, StoredClassification>> byCriteria = new HashMap<>();
        for (StoredClassification c : classifications(CLASSIFICATION_COLUMNS
                + " WHERE patient_id = ? AND superseded_at IS NULL", patientId)) {
            byCriteria.computeIfAbsent(c.criteria(), k -> new HashMap<>()).put(c.assessmentId(), c);
        }
        return byCriteria;
    }

    /** The current classifications of several patients under every criteria set (for exports), in no set order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredClassification> currentOf(List<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        List<StoredClassification> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); var select = c.prepareStatement(CLASSIFICATION_COLUMNS
                + " WHERE patient_id = ANY (?) AND superseded_at IS NULL")) {
            select.setArray(1, c.createArrayOf("uuid", patientIds.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(classification(row));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read classifications", e);
        }
        return rows;
    }

    /** Every result the assessment ever had, current and superseded, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredClassification> history(UUID assessmentId) {
        return classifications(CLASSIFICATION_COLUMNS + " WHERE assessment_id = ? ORDER BY id", assessmentId);
    }

    /**
     * The classifications a re-derivation supersedes and inserts, written by {@link #apply} in two round trips at
     * most: the superseded rows first (the current result of an assessment under a criteria set is unique).
     */
    public static final class ClassificationChanges {
        private final List<Long> superseded = new ArrayList<>();
        private final List<Object[]> inserted = new ArrayList<>();

        public void supersede(long classificationId) {
            superseded.add(classificationId);
        }

        public void insert(UUID assessmentId, UUID patientId, String criteria, String criteriaVersion, String category,
                boolean mrdNegative, String reasonsJson, String missingJson, UUID baselineAssessmentId) {
            inserted.add(new Object[] { assessmentId, patientId, criteria, criteriaVersion, category, mrdNegative,
                    reasonsJson, missingJson, baselineAssessmentId });
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ClassificationChanges changes) {
        if (changes.superseded.isEmpty() && changes.inserted.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!changes.superseded.isEmpty()) {
                try (var supersede = c.prepareStatement(SUPERSEDE)) {
                    supersede.setArray(1, c.createArrayOf("bigint", changes.superseded.toArray()));
                    supersede.executeUpdate();
                }
            }
            if (!changes.inserted.isEmpty()) {
                try (var insert = c.prepareStatement(INSERT_CLASSIFICATION)) {
                    for (Object[] row : changes.inserted) {
                        Jdbc.bind(insert, row);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store classifications: " + e.getMessage(), e);
        }
    }

    /** The patient's best responses, by criteria set (one query for every set). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, StoredBestResponse> bestResponses(UUID patientId) {
        Map<String, StoredBestResponse> byCriteria = new HashMap<>();
        bestResponses(BEST_COLUMNS + " WHERE patient_id = ?", patientId).forEach(b -> byCriteria.put(b.criteria(), b));
        return byCriteria;
    }

    /** The best responses of the given patients under one criteria set, by patient. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, StoredBestResponse> bestResponses(List<UUID> patientIds, String criteria) {
        Map<UUID, StoredBestResponse> byPatient = new HashMap<>();
        if (patientIds.isEmpty()) {
            return byPatient;
        }
        try (Connection c = dataSource.getConnection();
                var select = c.prepareStatement(BEST_COLUMNS + " WHERE patient_id = ANY (?) AND criteria = ?")) {
            select.setArray(1, c.createArrayOf("uuid", patientIds.toArray()));
            select.setString(2, criteria);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    StoredBestResponse best = bestResponse(row);
                    byPatient.put(best.patientId(), best);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read best responses", e);
        }
        return byPatient;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(StoredBestResponse b) {
        Jdbc.update(dataSource, UPSERT_BEST, b.patientId(), b.criteria(), b.criteriaVersion(), b.bestResponse(), b.bestResponseDate(),
                b.mrdAtBestResponse(), b.treatmentFailure(), b.treatmentFailureDate(), b.firstCompleteRemissionDate(),
                b.relapseAfterCompleteRemission(), b.relapseDate(), b.baselineBlastPercent());
    }

    private List<StoredClassification> classifications(String sql, Object... parameters) {
        List<StoredClassification> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); var select = c.prepareStatement(sql)) {
            Jdbc.bind(select, parameters);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(classification(row));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read classifications", e);
        }
        return rows;
    }

    private List<StoredBestResponse> bestResponses(String sql, Object... parameters) {
        List<StoredBestResponse> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); var select = c.prepareStatement(sql)) {
            Jdbc.bind(select, parameters);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(bestResponse(row));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read best responses", e);
        }
        return rows;
    }

    private static StoredClassification classification(ResultSet row) throws SQLException {
        return new StoredClassification(row.getLong(1), row.getObject(2, UUID.class), row.getObject(3, UUID.class),
                row.getString(4), row.getString(5), row.getString(6), row.getBoolean(7), row.getString(8),
                row.getString(9), row.getObject(10, UUID.class), row.getObject(11, OffsetDateTime.class),
                row.getObject(12, OffsetDateTime.class));
    }

    private static StoredBestResponse bestResponse(ResultSet row) throws SQLException {
        return new StoredBestResponse(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                row.getObject(5, LocalDate.class), row.getString(6), row.getBoolean(7), row.getObject(8, LocalDate.class),
                row.getObject(9, LocalDate.class), row.getBoolean(10), row.getObject(11, LocalDate.class),
                row.getBigDecimal(12));
    }


}
