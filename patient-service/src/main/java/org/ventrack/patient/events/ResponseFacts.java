package org.ventrack.patient.events;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.ventrack.patient.domain.cohort.CohortResponse;
import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.response.BestResponseChanged;
import org.ventrack.platform.jdbc.Jdbc;
import org.ventrack.platform.responses.ResponseEventListener;

/**
 * Keeps {@code response_fact} from response-service's {@code best-response-changed} events: each patient's best
 * response and baseline blasts under each criteria set, so Table 1 is whole without reading response-service's
 * database. An event for a patient this service does not know (another registry's) is ignored.
 */
@ApplicationScoped
public class ResponseFacts implements ResponseEventListener {

    private static final String UPSERT = """
            INSERT INTO response_fact (patient_id, criteria, criteria_version, best_response, responder,
                baseline_blast_percent)
            SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM patient WHERE id = ?)
            ON CONFLICT (patient_id, criteria) DO UPDATE SET criteria_version = excluded.criteria_version,
                best_response = excluded.best_response, responder = excluded.responder,
                baseline_blast_percent = excluded.baseline_blast_percent, updated_at = clock_timestamp()""";
    private static final String OF_PATIENTS = """
            SELECT patient_id, best_response, responder, baseline_blast_percent FROM response_fact
            WHERE criteria = ? AND patient_id = ANY (?)""";

    @Inject
    DataSource dataSource;
    @Inject
    EventCodec codec;

    @Override
    public void apply(EventEnvelope event) {
        if (EventTypes.BEST_RESPONSE_CHANGED.equals(event.type())) {
            BestResponseChanged b = codec.payload(event, BestResponseChanged.class);
            Jdbc.update(dataSource, UPSERT, b.patientId(), b.criteria(), b.criteriaVersion(), b.bestResponse(),
                    b.responder(), b.baselineBlastPercent(), b.patientId());
        }
    }

    /** Best response and baseline blasts under {@code criteria} of those of {@code patients} that have them. */
    public Map<String, CohortResponse> of(Collection<UUID> patients, String criteria) {
        Map<String, CohortResponse> byPatient = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(OF_PATIENTS)) {
            statement.setString(1, criteria);
            statement.setArray(2, connection.createArrayOf("uuid", patients.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    BigDecimal blasts = rows.getBigDecimal(4);
                    byPatient.put(id, new CohortResponse(id, rows.getString(2), rows.getBoolean(3), blasts));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read response facts", e);
        }
        return byPatient;
    }
}
