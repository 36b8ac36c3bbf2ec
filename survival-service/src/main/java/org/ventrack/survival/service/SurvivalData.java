package org.ventrack.survival.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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
import org.ventrack.survival.config.SurvivalConfig;
import org.ventrack.survival.domain.tte.PatientHistory;

/** Patient histories from the read models: patient facts, the patient timeline and the response outcomes. */
@ApplicationScoped
public class SurvivalData {

    private static final String OUTCOMES = """
            SELECT patient_id, best_response, treatment_failure, treatment_failure_date, relapse_after_cr,
                   relapse_date, GREATEST(last_assessment_date, best_response_date), best_response_date, first_cr_date
            FROM response_outcome WHERE criteria = ? AND patient_id = ANY (?)""";

    @Inject
    PatientFacts facts;
    @Inject
    PatientTimeline timeline;
    @Inject
    DataSource dataSource;
    @Inject
    SurvivalConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PatientHistory> histories(Optional<Set<String>> sites, String site) {
        return histories(facts.inScope(sites, site));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PatientHistory> histories(List<PatientFactsView> patients) {
        List<UUID> ids = patients.stream().map(PatientFactsView::patientId).toList();
        Map<UUID, List<PatientTimeline.Course>> courses = timeline.courses(ids);
        Map<UUID, List<PatientTimeline.ClinicalEvent>> events = timeline.clinicalEvents(ids);
        Map<UUID, PatientHistory.Response> responses = responses(ids);
        List<PatientHistory> histories = new ArrayList<>();
        for (PatientFactsView p : patients) {
            List<PatientTimeline.Course> own = courses.getOrDefault(p.patientId(), List.of());
            histories.add(new PatientHistory(p.patientId(), p.siteCode(), own.isEmpty() ? null : own.get(0).regimen(),
                    own.isEmpty() ? null : own.get(0).startDate(),
                    events.getOrDefault(p.patientId(), List.of()).stream()
                            .map(e -> new PatientHistory.DatedEvent(e.kind(), e.date())).toList(),
                    responses.get(p.patientId()), p.geneticAlterations()));
        }
        return histories;
    }

    private Map<UUID, PatientHistory.Response> responses(List<UUID> ids) {
        Map<UUID, PatientHistory.Response> byPatient = new HashMap<>();
        if (ids.isEmpty()) {
            return byPatient;
        }
        try (Connection c = dataSource.getConnection(); var select = c.prepareStatement(OUTCOMES)) {
            select.setString(1, config.criteria());
            select.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    byPatient.put(row.getObject(1, UUID.class), new PatientHistory.Response(row.getString(2),
                            row.getBoolean(3), row.getObject(4, LocalDate.class), row.getBoolean(5),
                            row.getObject(6, LocalDate.class), row.getObject(7, LocalDate.class),
                            row.getObject(8, LocalDate.class), row.getObject(9, LocalDate.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read response outcomes", e);
        }
        return byPatient;
    }
}
