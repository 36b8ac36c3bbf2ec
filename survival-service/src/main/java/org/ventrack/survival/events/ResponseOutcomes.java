package org.ventrack.survival.events;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ventrack.platform.jdbc.Jdbc;

import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.response.AssessmentClassified;
import org.ventrack.platform.events.response.BestResponseChanged;
import org.ventrack.platform.responses.ResponseEventListener;

/**
 * Keeps {@code response_outcome} from response-service's events: the best response as published, and the latest
 * assessment date (news of the patient) from the classified assessments.
 */
@ApplicationScoped
public class ResponseOutcomes implements ResponseEventListener {

    private static final String UPSERT_BEST = """
            INSERT INTO response_outcome (patient_id, criteria, criteria_version, best_response, best_response_date,
                treatment_failure, treatment_failure_date, first_cr_date, relapse_after_cr, relapse_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (patient_id, criteria) DO UPDATE SET criteria_version = excluded.criteria_version,
                best_response = excluded.best_response, best_response_date = excluded.best_response_date,
                treatment_failure = excluded.treatment_failure, treatment_failure_date = excluded.treatment_failure_date,
                first_cr_date = excluded.first_cr_date, relapse_after_cr = excluded.relapse_after_cr,
                relapse_date = excluded.relapse_date, updated_at = clock_timestamp()""";
    private static final String UPSERT_ASSESSMENT_DATE = """
            INSERT INTO response_outcome (patient_id, criteria, criteria_version, best_response, treatment_failure,
                relapse_after_cr, last_assessment_date)
            VALUES (?, ?, ?, 'NOT_EVALUABLE', FALSE, FALSE, ?)
            ON CONFLICT (patient_id, criteria) DO UPDATE SET
                last_assessment_date = GREATEST(response_outcome.last_assessment_date, excluded.last_assessment_date),
                updated_at = clock_timestamp()""";

    @Inject
    DataSource dataSource;
    @Inject
    EventCodec codec;

    @Override
    public void apply(EventEnvelope event) {
        if (EventTypes.BEST_RESPONSE_CHANGED.equals(event.type())) {
            BestResponseChanged b = codec.payload(event, BestResponseChanged.class);
            Jdbc.update(dataSource, UPSERT_BEST, b.patientId(), b.criteria(), b.criteriaVersion(), b.bestResponse(), b.bestResponseDate(),
                    b.treatmentFailure(), b.treatmentFailureDate(), b.firstCompleteRemissionDate(),
                    b.relapseAfterCompleteRemission(), b.relapseDate());
        } else if (EventTypes.ASSESSMENT_CLASSIFIED.equals(event.type())) {
            AssessmentClassified a = codec.payload(event, AssessmentClassified.class);
            if (!a.withdrawn() && a.assessmentDate() != null) {
                Jdbc.update(dataSource, UPSERT_ASSESSMENT_DATE, a.patientId(), a.criteria(), a.criteriaVersion(), a.assessmentDate());
            }
        }
    }

}
