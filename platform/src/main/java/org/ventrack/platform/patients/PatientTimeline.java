package org.ventrack.platform.patients;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.ventrack.platform.jdbc.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.patient.ClinicalEventRecord;
import org.ventrack.platform.events.patient.ComedicationRecord;
import org.ventrack.platform.events.patient.MeasurementRecord;
import org.ventrack.platform.events.patient.RecordDeleted;
import org.ventrack.platform.events.patient.TreatmentCourseRecord;

/**
 * The dated patient facts consuming services derive from, built from patient events: venetoclax courses (the time
 * origin and the regimen), clinical events (HSCT, relapse, progression, death, last follow-up), co-medications with
 * their CYP3A class, and body measurements. A correction
 * replaces the row; a deleted record removes it. Events carry the record's version, so an older version never
 * overwrites a newer one.
 */
@ApplicationScoped
public class PatientTimeline {

    /** A venetoclax course as consuming services know it. */
    public record Course(UUID id, UUID patientId, LocalDate startDate, String regimen, String doseBasis,
            BigDecimal dailyDoseMg, LocalDate endDate) {
    }

    /** HSCT, RELAPSE, PROGRESSION, DEATH or LAST_FOLLOW_UP on a date. */
    public record ClinicalEvent(UUID id, UUID patientId, String kind, LocalDate date, String deathCause) {
    }

    /** A co-medication; {@code cyp3a} is STRONG, MODERATE or NONE as patient-service classifies it. */
    public record Comedication(UUID id, UUID patientId, String drug, String cyp3a, LocalDate startDate, LocalDate endDate) {
    }

    /** Weight, height and BSA (Mosteller) on a date. */
    public record Measurement(UUID id, UUID patientId, LocalDate measuredOn, BigDecimal weightKg, BigDecimal heightCm,
            BigDecimal bsaM2) {
    }

    /**
     * Everything this service knows of one patient's timeline, each list in the order of its own query (courses by
     * start, clinical events by date, co-medications by start, measurements by date).
     */
    public record Snapshot(List<Course> courses, List<ClinicalEvent> clinicalEvents, List<Comedication> comedications,
            List<Measurement> measurements) {

        /** The venetoclax start: the start of the patient's first course. */
        public Optional<LocalDate> venetoclaxStart() {
            return courses.stream().map(Course::startDate).findFirst();
        }

        /** The date of death, if one is recorded. */
        public Optional<LocalDate> deathDate() {
            return clinicalEvents.stream().filter(e -> "DEATH".equals(e.kind())).map(ClinicalEvent::date).findFirst();
        }
    }

    // the four tables of one patient in one round trip: a part tag, then the union of their columns
    private static final String SNAPSHOT = """
            SELECT 1 AS part, course_id AS id, start_date AS d1, end_date AS d2, regimen AS t1, dose_basis AS t2,
                   daily_dose_mg AS n1, CAST(NULL AS numeric) AS n2, CAST(NULL AS numeric) AS n3
            FROM patient_course WHERE patient_id = ?
            UNION ALL
            SELECT 2, event_id, event_date, NULL, kind, death_cause, NULL, NULL, NULL
            FROM patient_clinical_event WHERE patient_id = ?
            UNION ALL
            SELECT 3, comedication_id, start_date, end_date, drug, cyp3a, NULL, NULL, NULL
            FROM patient_comedication WHERE patient_id = ?
            UNION ALL
            SELECT 4, measurement_id, measured_on, NULL, NULL, NULL, weight_kg, height_cm, bsa_m2
            FROM patient_measurement WHERE patient_id = ?
            ORDER BY part, d1, id""";
    private static final String UPSERT_COMEDICATION = """
            INSERT INTO patient_comedication (comedication_id, patient_id, drug, cyp3a, start_date, end_date, version)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (comedication_id) DO UPDATE SET drug = excluded.drug, cyp3a = excluded.cyp3a,
                start_date = excluded.start_date, end_date = excluded.end_date, version = excluded.version
            WHERE patient_comedication.version <= excluded.version""";
    private static final String UPSERT_MEASUREMENT = """
            INSERT INTO patient_measurement (measurement_id, patient_id, measured_on, weight_kg, height_cm, bsa_m2, version)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (measurement_id) DO UPDATE SET measured_on = excluded.measured_on, weight_kg = excluded.weight_kg,
                height_cm = excluded.height_cm, bsa_m2 = excluded.bsa_m2, version = excluded.version
            WHERE patient_measurement.version <= excluded.version""";
    private static final String COMEDICATIONS = """
            SELECT comedication_id, patient_id, drug, cyp3a, start_date, end_date
            FROM patient_comedication WHERE patient_id = ANY (?) ORDER BY patient_id, start_date, comedication_id""";
    private static final String MEASUREMENTS = """
            SELECT measurement_id, patient_id, measured_on, weight_kg, height_cm, bsa_m2
            FROM patient_measurement WHERE patient_id = ANY (?) ORDER BY patient_id, measured_on, measurement_id""";
    private static final String UPSERT_COURSE = """
            INSERT INTO patient_course (course_id, patient_id, start_date, regimen, dose_basis, daily_dose_mg, end_date, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (course_id) DO UPDATE SET start_date = excluded.start_date, regimen = excluded.regimen,
                dose_basis = excluded.dose_basis, daily_dose_mg = excluded.daily_dose_mg, end_date = excluded.end_date,
                version = excluded.version
            WHERE patient_course.version <= excluded.version""";
    private static final String UPSERT_EVENT = """
            INSERT INTO patient_clinical_event (event_id, patient_id, kind, event_date, death_cause, version)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO UPDATE SET kind = excluded.kind, event_date = excluded.event_date,
                death_cause = excluded.death_cause, version = excluded.version
            WHERE patient_clinical_event.version <= excluded.version""";
    private static final String COURSES = """
            SELECT course_id, patient_id, start_date, regimen, dose_basis, daily_dose_mg, end_date
            FROM patient_course WHERE patient_id = ANY (?) ORDER BY patient_id, start_date, course_id""";
    private static final String EVENTS = """
            SELECT event_id, patient_id, kind, event_date, death_cause
            FROM patient_clinical_event WHERE patient_id = ANY (?) ORDER BY patient_id, event_date, event_id""";

    @Inject
    DataSource dataSource;
    @Inject
    EventCodec codec;

    /** @return true when the event changed a course or a clinical event of the patient */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(EventEnvelope event) {
        String type = event.type();
        if (EventTypes.TREATMENT_STARTED.equals(type) || EventTypes.TREATMENT_UPDATED.equals(type)) {
            TreatmentCourseRecord c = codec.payload(event, TreatmentCourseRecord.class);
            return Jdbc.update(dataSource, UPSERT_COURSE, c.id(), c.patientId(), c.startDate(), c.regimen(), c.doseBasis(),
                    c.dailyDoseMg(), c.endDate(), c.version()) > 0;
        }
        if (EventTypes.CLINICAL_EVENT_RECORDED.equals(type) || EventTypes.CLINICAL_EVENT_CORRECTED.equals(type)) {
            ClinicalEventRecord e = codec.payload(event, ClinicalEventRecord.class);
            return Jdbc.update(dataSource, UPSERT_EVENT, e.id(), e.patientId(), e.kind(), e.date(), e.deathCause(), e.version()) > 0;
        }
        if (EventTypes.COMEDICATION_STARTED.equals(type) || EventTypes.COMEDICATION_ENDED.equals(type)
                || EventTypes.COMEDICATION_CORRECTED.equals(type)) {
            ComedicationRecord m = codec.payload(event, ComedicationRecord.class);
            return Jdbc.update(dataSource, UPSERT_COMEDICATION, m.id(), m.patientId(), m.drug(), m.cyp3aInhibition(), m.startDate(),
                    m.endDate(), m.version()) > 0;
        }
        if (EventTypes.MEASUREMENT_RECORDED.equals(type)) {
            MeasurementRecord m = codec.payload(event, MeasurementRecord.class);
            return Jdbc.update(dataSource, UPSERT_MEASUREMENT, m.id(), m.patientId(), m.measuredOn(), m.weightKg(), m.heightCm(),
                    m.bsaM2(), m.version()) > 0;
        }
        if (EventTypes.RECORD_DELETED.equals(type)) {
            RecordDeleted deleted = codec.payload(event, RecordDeleted.class);
            return switch (deleted.recordType()) {
                case "treatment-course" -> Jdbc.update(dataSource, "DELETE FROM patient_course WHERE course_id = ?", deleted.recordId()) > 0;
                case "clinical-event" -> Jdbc.update(dataSource, "DELETE FROM patient_clinical_event WHERE event_id = ?", deleted.recordId()) > 0;
                case "comedication" -> Jdbc.update(dataSource, "DELETE FROM patient_comedication WHERE comedication_id = ?", deleted.recordId()) > 0;
                case "measurement" -> Jdbc.update(dataSource, "DELETE FROM patient_measurement WHERE measurement_id = ?", deleted.recordId()) > 0;
                default -> false;
            };
        }
        return false;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Course> courses(UUID patientId) {
        return courses(List.of(patientId)).getOrDefault(patientId, List.of());
    }

    /** The courses of each patient, earliest start first; patients without a course are absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<Course>> courses(Collection<UUID> patientIds) {
        Map<UUID, List<Course>> byPatient = new HashMap<>();
        query(COURSES, patientIds, row -> byPatient.computeIfAbsent(row.getObject(2, UUID.class), p -> new ArrayList<>())
                .add(new Course(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getObject(3, LocalDate.class), row.getString(4), row.getString(5), row.getBigDecimal(6),
                        row.getObject(7, LocalDate.class))));
        return byPatient;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClinicalEvent> clinicalEvents(UUID patientId) {
        return clinicalEvents(List.of(patientId)).getOrDefault(patientId, List.of());
    }

    /** The clinical events of each patient, earliest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<ClinicalEvent>> clinicalEvents(Collection<UUID> patientIds) {
        Map<UUID, List<ClinicalEvent>> byPatient = new HashMap<>();
        query(EVENTS, patientIds, row -> byPatient.computeIfAbsent(row.getObject(2, UUID.class), p -> new ArrayList<>())
                .add(new ClinicalEvent(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                        row.getObject(4, LocalDate.class), row.getString(5))));
        return byPatient;
    }

    /** The co-medications of each patient, earliest start first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<Comedication>> comedications(Collection<UUID> patientIds) {
        Map<UUID, List<Comedication>> byPatient = new HashMap<>();
        query(COMEDICATIONS, patientIds, row -> byPatient.computeIfAbsent(row.getObject(2, UUID.class), p -> new ArrayList<>())
                .add(new Comedication(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                        row.getString(4), row.getObject(5, LocalDate.class), row.getObject(6, LocalDate.class))));
        return byPatient;
    }

    /** The body measurements of each patient, earliest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<Measurement>> measurements(Collection<UUID> patientIds) {
        Map<UUID, List<Measurement>> byPatient = new HashMap<>();
        query(MEASUREMENTS, patientIds, row -> byPatient.computeIfAbsent(row.getObject(2, UUID.class), p -> new ArrayList<>())
                .add(new Measurement(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getObject(3, LocalDate.class), row.getBigDecimal(4), row.getBigDecimal(5), row.getBigDecimal(6))));
        return byPatient;
    }

    /** The patient's courses, clinical events, co-medications and measurements, read in one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Snapshot of(UUID patientId) {
        List<Course> courses = new ArrayList<>();
        List<ClinicalEvent> events = new ArrayList<>();
        List<Comedication> comedications = new ArrayList<>();
        List<Measurement> measurements = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); var select = c.prepareStatement(SNAPSHOT)) {
            for (int i = 1; i <= 4; i++) {
                select.setObject(i, patientId);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(2, UUID.class);
                    LocalDate d1 = row.getObject(3, LocalDate.class);
                    LocalDate d2 = row.getObject(4, LocalDate.class);
                    switch (row.getInt(1)) {
                        case 1 -> courses.add(new Course(id, patientId, d1, row.getString(5), row.getString(6),
                                row.getBigDecimal(7), d2));
                        case 2 -> events.add(new ClinicalEvent(id, patientId, row.getString(5), d1, row.getString(6)));
                        case 3 -> comedications.add(new Comedication(id, patientId, row.getString(5), row.getString(6), d1, d2));
                        default -> measurements.add(new Measurement(id, patientId, d1, row.getBigDecimal(7),
                                row.getBigDecimal(8), row.getBigDecimal(9)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the patient timeline", e);
        }
        return new Snapshot(List.copyOf(courses), List.copyOf(events), List.copyOf(comedications), List.copyOf(measurements));
    }

    /** The venetoclax start: the start of the patient's first course. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LocalDate> venetoclaxStart(UUID patientId) {
        return courses(patientId).stream().map(Course::startDate).findFirst();
    }

    /** The date of death, if one is recorded. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LocalDate> deathDate(UUID patientId) {
        return clinicalEvents(patientId).stream().filter(e -> "DEATH".equals(e.kind())).map(ClinicalEvent::date).findFirst();
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, Collection<UUID> patientIds, RowReader reader) {
        if (patientIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); var select = c.prepareStatement(sql)) {
            select.setArray(1, c.createArrayOf("uuid", patientIds.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    reader.read(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the patient timeline", e);
        }
    }

}
