package org.ventrack.survival.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import jakarta.transaction.Transactional;

import org.ventrack.platform.patients.PatientFacts;
import org.ventrack.platform.patients.PatientFactsView;
import org.ventrack.platform.patients.PatientTimeline;
import org.ventrack.survival.config.DataQualityConfig;
import org.ventrack.survival.domain.quality.DataQualityChecks;
import org.ventrack.survival.domain.quality.DataQualityReport;
import org.ventrack.survival.domain.quality.MonitoredPatient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs the data-quality checks on the read models kept from the patient, response and PK events. */
@ApplicationScoped
public class DataQualityService {

    private static final String ASSESSMENTS = """
            SELECT patient_id, assessment_id, assessment_date, has_baseline FROM assessment_baseline
            WHERE patient_id = ANY (?)""";
    private static final String SAMPLES = "SELECT patient_id, sample_id, sampled_at, kind, flags::text FROM pk_sample WHERE patient_id = ANY (?)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Inject
    PatientFacts facts;
    @Inject
    PatientTimeline timeline;
    @Inject
    DataSource dataSource;
    @Inject
    DataQualityConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DataQualityReport> reports(Optional<Set<String>> sites, String site, LocalDate today) {
        List<PatientFactsView> patients = facts.inScope(sites, site);
        List<UUID> ids = patients.stream().map(PatientFactsView::patientId).toList();
        Map<UUID, List<MonitoredPatient.Assessment>> assessments = new HashMap<>();
        Map<UUID, List<MonitoredPatient.Sample>> samples = new HashMap<>();
        if (!ids.isEmpty()) {
            read(ASSESSMENTS, ids, row -> assessments.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new MonitoredPatient.Assessment(row.getObject(2, UUID.class), row.getObject(3, LocalDate.class), row.getBoolean(4))));
            read(SAMPLES, ids, row -> samples.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new MonitoredPatient.Sample(row.getObject(2, UUID.class), row.getObject(3, LocalDateTime.class),
                            row.getString(4), flags(row.getString(5)))));
        }
        Map<UUID, List<PatientTimeline.Course>> courses = timeline.courses(ids);
        Map<UUID, List<PatientTimeline.ClinicalEvent>> events = timeline.clinicalEvents(ids);
        List<MonitoredPatient> monitored = patients.stream().map(p -> new MonitoredPatient(p.patientId(), p.siteCode(), p.upn(),
                p.diagnosisDate(),
                courses.getOrDefault(p.patientId(), List.of()).stream()
                        .map(c -> new MonitoredPatient.Course(c.startDate(), c.endDate(), c.regimen())).toList(),
                events.getOrDefault(p.patientId(), List.of()).stream()
                        .map(e -> new MonitoredPatient.DatedEvent(e.kind(), e.date())).toList(),
                assessments.getOrDefault(p.patientId(), List.of()), samples.getOrDefault(p.patientId(), List.of()))).toList();
        return new DataQualityChecks(config.followUpGap(), config.troughDay(), config.troughDayTolerance()).run(monitored, today);
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void read(String sql, List<UUID> ids, RowReader reader) {
        try (Connection c = dataSource.getConnection(); var select = c.prepareStatement(sql)) {
            select.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    reader.read(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the data-quality read model", e);
        }
    }

    private static List<String> flags(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable sample flags " + json, e);
        }
    }
}
