package org.ventrack.platform.patients;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.ventrack.platform.jdbc.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.MalformedEventException;
import org.ventrack.platform.events.patient.PatientIdentity;
import org.ventrack.platform.events.patient.PatientRegistered;
import org.ventrack.platform.events.patient.PatientUpdated;

/** The {@code patient_facts} read model: the patient's site and identity facts, built from patient events. */
@ApplicationScoped
public class PatientFacts {

    private static final String UPSERT = """
            INSERT INTO patient_facts (patient_id, site_code, upn, sex, birth_date, diagnosis, diagnosis_date,
                                       genetic_alterations, events_applied, last_event_id, last_event_time)
            VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), 1, ?, ?)
            ON CONFLICT (patient_id) DO UPDATE SET
                site_code = excluded.site_code, upn = excluded.upn, sex = excluded.sex,
                birth_date = excluded.birth_date, diagnosis = excluded.diagnosis,
                diagnosis_date = excluded.diagnosis_date, genetic_alterations = excluded.genetic_alterations,
                events_applied = patient_facts.events_applied + 1,
                last_event_id = excluded.last_event_id, last_event_time = excluded.last_event_time,
                updated_at = clock_timestamp()""";
    private static final String TOUCH = """
            UPDATE patient_facts SET events_applied = events_applied + 1, last_event_id = ?, last_event_time = ?,
                                     updated_at = clock_timestamp()
            WHERE patient_id = ?""";
    private static final String FIND = """
            SELECT patient_id, site_code, upn, sex, birth_date, diagnosis, diagnosis_date, events_applied,
                   last_event_id, last_event_time, genetic_alterations::text
            FROM patient_facts WHERE patient_id = ?""";

    @Inject
    DataSource dataSource;
    @Inject
    EventCodec codec;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        if (EventTypes.PATIENT_REGISTERED.equals(event.type())) {
            upsert(event, codec.payload(event, PatientRegistered.class));
        } else if (EventTypes.PATIENT_UPDATED.equals(event.type())) {
            upsert(event, codec.payload(event, PatientUpdated.class));
        } else {
            touch(event);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PatientFactsView> find(UUID patientId) {
        return query(FIND, patientId);
    }

    /**
     * The patients of the given sites (every site when {@code sites} is empty), optionally of one site only,
     * in UPN order: the population of a service's lists and statistics.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.List<PatientFactsView> inScope(Optional<java.util.Set<String>> sites, String site) {
        String sql = FIND.replace("WHERE patient_id = ?", "WHERE (? OR site_code = ANY (?)) AND (CAST(? AS text) IS NULL OR site_code = ?)")
                + " ORDER BY site_code, upn";
        try (Connection c = dataSource.getConnection(); var select = c.prepareStatement(sql)) {
            select.setBoolean(1, sites.isEmpty());
            select.setArray(2, c.createArrayOf("text", sites.orElse(java.util.Set.of()).toArray()));
            select.setString(3, site);
            select.setString(4, site);
            java.util.List<PatientFactsView> patients = new java.util.ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    patients.add(view(row));
                }
            }
            return patients;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read patient facts", e);
        }
    }

    /**
     * Locks the patient's facts row for the current transaction, so that writes about one patient (and the
     * re-derivations they trigger) run one after another. Empty when the patient is unknown here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PatientFactsView> lock(UUID patientId) {
        return query(FIND + " FOR UPDATE", patientId);
    }

    private Optional<PatientFactsView> query(String sql, UUID patientId) {
        try (Connection c = dataSource.getConnection(); var find = c.prepareStatement(sql)) {
            find.setObject(1, patientId);
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(view(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read patient facts", e);
        }
    }

    private void upsert(EventEnvelope event, PatientIdentity p) {
        if (p.patientId() == null || p.siteCode() == null || p.upn() == null) {
            throw new MalformedEventException(
                    "event " + event.id() + " lacks patientId, siteCode or upn");
        }
        if (!p.patientId().toString().equals(event.subject())) {
            throw new MalformedEventException(
                    "event " + event.id() + " is about patient " + p.patientId() + " but its subject is " + event.subject());
        }
        Jdbc.update(dataSource, UPSERT, p.patientId(), p.siteCode(), p.upn(), p.sex() == null ? null : p.sex().name(), p.birthDate(),
                p.diagnosis(), p.diagnosisDate(), labelsJson(p.geneticAlterations()),
                event.id(), event.time());
    }

    private void touch(EventEnvelope event) {
        UUID patientId;
        try {
            patientId = UUID.fromString(event.subject());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("subject of event " + event.id() + " is not a patient id");
        }
        Jdbc.update(dataSource, TOUCH, event.id(), event.time(), patientId);
    }


    private static final ObjectMapper LABELS = new ObjectMapper();

    private static String labelsJson(List<String> labels) {
        try {
            return LABELS.writeValueAsString(labels == null ? List.of() : labels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> labels(String json) {
        try {
            return json == null ? List.of() : List.of(LABELS.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable genetic alterations", e);
        }
    }

    private static PatientFactsView view(ResultSet row) throws SQLException {
        return new PatientFactsView(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                row.getObject(5, LocalDate.class), row.getString(6), row.getObject(7, LocalDate.class), row.getInt(8),
                row.getObject(9, UUID.class), row.getObject(10, OffsetDateTime.class), labels(row.getString(11)));
    }
}
