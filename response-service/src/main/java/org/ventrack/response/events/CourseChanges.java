package org.ventrack.response.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.MalformedEventException;
import org.ventrack.platform.events.patient.RecordDeleted;
import org.ventrack.platform.patients.PatientEventListener;
import org.ventrack.platform.patients.PatientFacts;
import org.ventrack.response.service.ResponseLedger;

/**
 * A venetoclax course started, corrected or deleted moves the time origin: the baseline and every classification of
 * the patient are derived again, in the inbox transaction of the event (so a redelivery changes nothing).
 */
@ApplicationScoped
public class CourseChanges implements PatientEventListener {

    @Inject
    PatientFacts facts;
    @Inject
    ResponseLedger ledger;
    @Inject
    EventCodec codec;

    @Override
    public void apply(EventEnvelope event) {
        if (!movesTheTimeOrigin(event)) {
            return;
        }
        UUID patientId;
        try {
            patientId = UUID.fromString(event.subject());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("subject of event " + event.id() + " is not a patient id");
        }
        if (facts.lock(patientId).isPresent()) {
            ledger.reconcile(patientId);
        }
    }

    private boolean movesTheTimeOrigin(EventEnvelope event) {
        return EventTypes.TREATMENT_STARTED.equals(event.type()) || EventTypes.TREATMENT_UPDATED.equals(event.type())
                || (EventTypes.RECORD_DELETED.equals(event.type())
                        && "treatment-course".equals(codec.payload(event, RecordDeleted.class).recordType()));
    }
}
