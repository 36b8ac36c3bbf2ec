package org.ventrack.survival.events;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.response.AssessmentClassified;
import org.ventrack.platform.jdbc.Jdbc;
import org.ventrack.platform.responses.ResponseEventListener;
import org.ventrack.survival.config.SurvivalConfig;

/** Keeps {@code assessment_baseline}: each classified marrow and whether it had a baseline marrow to compare with. */
@ApplicationScoped
public class AssessmentBaselines implements ResponseEventListener {

    private static final String UPSERT = """
            INSERT INTO assessment_baseline (assessment_id, patient_id, assessment_date, has_baseline) VALUES (?, ?, ?, ?)
            ON CONFLICT (assessment_id) DO UPDATE SET assessment_date = excluded.assessment_date,
                has_baseline = excluded.has_baseline""";

    @Inject
    DataSource dataSource;
    @Inject
    EventCodec codec;
    @Inject
    SurvivalConfig config;

    @Override
    public void apply(EventEnvelope event) {
        if (!EventTypes.ASSESSMENT_CLASSIFIED.equals(event.type())) {
            return;
        }
        AssessmentClassified a = codec.payload(event, AssessmentClassified.class);
        if (!config.criteria().equals(a.criteria())) {
            return;
        }
        if (a.withdrawn() || a.assessmentDate() == null) {
            Jdbc.update(dataSource, "DELETE FROM assessment_baseline WHERE assessment_id = ?", a.assessmentId());
        } else {
            Jdbc.update(dataSource, UPSERT, a.assessmentId(), a.patientId(), a.assessmentDate(), a.baselineAssessmentId() != null);
        }
    }
}
