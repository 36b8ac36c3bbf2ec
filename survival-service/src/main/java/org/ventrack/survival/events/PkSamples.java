package org.ventrack.survival.events;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.pk.TroughMeasured;
import org.ventrack.platform.jdbc.Jdbc;
import org.ventrack.platform.pk.PkEventListener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Keeps {@code pk_sample} from pk-service's trough-measured events: when, what kind, and pk-service's flags. */
@ApplicationScoped
public class PkSamples implements PkEventListener {

    private static final String UPSERT = """
            INSERT INTO pk_sample (sample_id, patient_id, sampled_at, kind, flags) VALUES (?, ?, ?, ?, CAST(? AS jsonb))
            ON CONFLICT (sample_id) DO UPDATE SET sampled_at = excluded.sampled_at, kind = excluded.kind,
                flags = excluded.flags""";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;
    @Inject
    EventCodec codec;

    @Override
    public void apply(EventEnvelope event) {
        if (!EventTypes.TROUGH_MEASURED.equals(event.type())) {
            return;
        }
        TroughMeasured t = codec.payload(event, TroughMeasured.class);
        if (t.withdrawn()) {
            Jdbc.update(dataSource, "DELETE FROM pk_sample WHERE sample_id = ?", t.sampleId());
            return;
        }
        try {
            Jdbc.update(dataSource, UPSERT, t.sampleId(), t.patientId(), t.sampledAt(), t.kind(),
                    JSON.writeValueAsString(t.flags() == null ? java.util.List.of() : t.flags()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("flags of sample " + t.sampleId() + " not writable as JSON", e);
        }
    }
}
