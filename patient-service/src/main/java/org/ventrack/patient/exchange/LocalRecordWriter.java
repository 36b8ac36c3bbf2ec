package org.ventrack.patient.exchange;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ventrack.patient.domain.AdverseEvent;
import org.ventrack.patient.domain.BodyMeasurement;
import org.ventrack.patient.domain.ClinicalEvent;
import org.ventrack.patient.domain.Comedication;
import org.ventrack.patient.domain.GeneticAlteration;
import org.ventrack.patient.domain.Patient;
import org.ventrack.patient.domain.PatientRecord;
import org.ventrack.patient.domain.TreatmentCourse;
import org.ventrack.patient.rest.PatientView;
import org.ventrack.patient.rest.RecordViews;
import org.ventrack.patient.service.RecordKeeper;
import org.ventrack.platform.audit.AuditLog;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.events.patient.PatientRegistered;
import org.ventrack.platform.outbox.Outbox;

/**
 * Writes checked documents in the current transaction with JDBC batches: the rows, one audit entry per row and one
 * event per row through the outbox, the same entries and events as the REST API writes one by one. A patient's events
 * are published in the order a site would have posted them (the patient, then its records by date).
 */
@ApplicationScoped
class LocalRecordWriter {

    private static final String INSERT_PATIENT = """
            INSERT INTO patient (id, site_code, upn, sex, birth_date, diagnosis, diagnosis_date, version, created_at,
                updated_at, prior_relapses, prior_lines, prior_hsct, prior_hsct_date, cns_status, extramedullary_sites,
                genetic_alterations)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))""";
    private static final String INSERT_MEASUREMENT = """
            INSERT INTO body_measurement (id, patient_id, measured_on, weight_kg, height_cm, version, created_at)
            VALUES (?, ?, ?, ?, ?, 0, ?)""";
    private static final String INSERT_COURSE = """
            INSERT INTO treatment_course (id, patient_id, start_date, regimen, partner_agents, cycle_length_days,
                active_days, dose_basis, daily_dose_mg, ramp_up, cycles_given, end_date, end_reason, version, created_at)
            VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""";
    private static final String INSERT_COMEDICATION = """
            INSERT INTO comedication (id, patient_id, drug, cyp3a_inhibition, start_date, end_date, version, created_at)
            VALUES (?, ?, ?, ?, ?, ?, 0, ?)""";
    private static final String INSERT_CLINICAL_EVENT = """
            INSERT INTO clinical_event (id, patient_id, kind, event_date, hsct_donor, hsct_conditioning, death_cause,
                version, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)""";
    private static final String INSERT_ADVERSE_EVENT = """
            INSERT INTO adverse_event (id, patient_id, term, grade, onset_date, serious, attribution, regimen, version,
                created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""";

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    AuditLog audit;
    @Inject
    Outbox outbox;

    /** Writes every planned patient and record of {@code plans}; returns the number of rows written. */
    @Transactional(Transactional.TxType.MANDATORY)
    int write(List<LocalPlan> plans, String actor) {
        List<Patient> patients = new ArrayList<>();
        Map<Section, List<PatientRecord>> bySection = new EnumMap<>(Section.class);
        List<AuditLog.Entry> entries = new ArrayList<>();
        List<Outbox.Publication> events = new ArrayList<>();
        for (LocalPlan plan : plans) {
            if (plan.newPatient != null) {
                Patient p = plan.newPatient;
                patients.add(p);
                entries.add(new AuditLog.Entry(actor, AuditLog.CREATE, "patient", p.id, p.id, null, PatientView.of(p)));
                events.add(new Outbox.Publication(Topics.PATIENT, EventTypes.PATIENT_REGISTERED, p.id,
                        new PatientRegistered(p.id, p.siteCode, p.upn, p.sex, p.birthDate, p.diagnosis.name(),
                                p.diagnosisDate, p.geneticAlterations.stream().map(GeneticAlteration::label).toList())));
            }
            for (LocalPlan.Write w : plan.writes) {
                PatientRecord r = w.record();
                bySection.computeIfAbsent(w.section(), s -> new ArrayList<>()).add(r);
                Object view = view(r);
                entries.add(new AuditLog.Entry(actor, AuditLog.CREATE, RecordKeeper.label(r.getClass()), r.id, r.patientId,
                        null, view));
                events.add(new Outbox.Publication(Topics.PATIENT, eventType(w.section()), r.patientId, view));
            }
        }
        try (Connection c = dataSource.getConnection()) {
            insertPatients(c, patients);
            for (Map.Entry<Section, List<PatientRecord>> e : bySection.entrySet()) {
                insertRecords(c, e.getKey(), e.getValue());
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not write the imported records: " + e.getMessage(), e);
        }
        audit.recordAll(entries);
        outbox.publishAll(events);
        return entries.size();
    }

    private void insertPatients(Connection c, List<Patient> patients) throws SQLException, JsonProcessingException {
        if (patients.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_PATIENT)) {
            for (Patient p : patients) {
                s.setObject(1, p.id);
                s.setString(2, p.siteCode);
                s.setString(3, p.upn);
                s.setString(4, p.sex.name());
                setDate(s, 5, p.birthDate);
                s.setString(6, p.diagnosis.name());
                setDate(s, 7, p.diagnosisDate);
                s.setObject(8, p.createdAt);
                s.setObject(9, p.updatedAt);
                s.setInt(10, p.priorRelapses);
                setInteger(s, 11, p.priorLines);
                s.setBoolean(12, p.priorHsct);
                setDate(s, 13, p.priorHsctDate);
                setInteger(s, 14, p.cnsStatus);
                s.setString(15, json.writeValueAsString(p.extramedullarySites));
                s.setString(16, json.writeValueAsString(p.geneticAlterations));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void insertRecords(Connection c, Section section, List<PatientRecord> records)
            throws SQLException, JsonProcessingException {
        String sql = switch (section) {
            case MEASUREMENTS -> INSERT_MEASUREMENT;
            case COMEDICATIONS -> INSERT_COMEDICATION;
            case TREATMENT_COURSES -> INSERT_COURSE;
            case ADVERSE_EVENTS -> INSERT_ADVERSE_EVENT;
            case CLINICAL_EVENTS -> INSERT_CLINICAL_EVENT;
            default -> throw new IllegalArgumentException(section.name());
        };
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (PatientRecord r : records) {
                s.setObject(1, r.id);
                s.setObject(2, r.patientId);
                if (r instanceof BodyMeasurement m) {
                    setDate(s, 3, m.measuredOn);
                    s.setBigDecimal(4, m.weightKg);
                    s.setBigDecimal(5, m.heightCm);
                    s.setObject(6, m.createdAt);
                } else if (r instanceof Comedication m) {
                    s.setString(3, m.drug);
                    s.setString(4, m.cyp3aInhibition.name());
                    setDate(s, 5, m.startDate);
                    setDate(s, 6, m.endDate);
                    s.setObject(7, m.createdAt);
                } else if (r instanceof TreatmentCourse t) {
                    setDate(s, 3, t.startDate);
                    s.setString(4, t.regimen.name());
                    s.setString(5, json.writeValueAsString(t.partnerAgents));
                    s.setInt(6, t.cycleLengthDays);
                    s.setInt(7, t.activeDays);
                    s.setString(8, t.doseBasis.name());
                    s.setBigDecimal(9, t.dailyDoseMg);
                    s.setBoolean(10, t.rampUp);
                    s.setBigDecimal(11, t.cyclesGiven);
                    setDate(s, 12, t.endDate);
                    s.setString(13, t.endReason);
                    s.setObject(14, t.createdAt);
                } else if (r instanceof AdverseEvent e) {
                    s.setString(3, e.term);
                    s.setInt(4, e.grade);
                    setDate(s, 5, e.onsetDate);
                    s.setBoolean(6, e.serious);
                    s.setString(7, e.attribution.name());
                    s.setString(8, e.regimen == null ? null : e.regimen.name());
                    s.setObject(9, e.createdAt);
                } else if (r instanceof ClinicalEvent e) {
                    s.setString(3, e.kind.name());
                    setDate(s, 4, e.eventDate);
                    s.setString(5, e.hsctDonor == null ? null : e.hsctDonor.name());
                    s.setString(6, e.hsctConditioning == null ? null : e.hsctConditioning.name());
                    s.setString(7, e.deathCause == null ? null : e.deathCause.name());
                    s.setObject(8, e.createdAt);
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static Object view(PatientRecord r) {
        if (r instanceof BodyMeasurement m) {
            return RecordViews.of(m);
        }
        if (r instanceof Comedication m) {
            return RecordViews.of(m);
        }
        if (r instanceof TreatmentCourse t) {
            return RecordViews.of(t);
        }
        if (r instanceof AdverseEvent e) {
            return RecordViews.of(e);
        }
        return RecordViews.of((ClinicalEvent) r);
    }

    private static String eventType(Section section) {
        return switch (section) {
            case MEASUREMENTS -> EventTypes.MEASUREMENT_RECORDED;
            case COMEDICATIONS -> EventTypes.COMEDICATION_STARTED;
            case TREATMENT_COURSES -> EventTypes.TREATMENT_STARTED;
            case ADVERSE_EVENTS -> EventTypes.ADVERSE_EVENT_RECORDED;
            case CLINICAL_EVENTS -> EventTypes.CLINICAL_EVENT_RECORDED;
            default -> throw new IllegalArgumentException(section.name());
        };
    }

    private static void setDate(PreparedStatement s, int index, LocalDate date) throws SQLException {
        if (date == null) {
            s.setNull(index, Types.DATE);
        } else {
            s.setDate(index, Date.valueOf(date));
        }
    }

    private static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }
}
