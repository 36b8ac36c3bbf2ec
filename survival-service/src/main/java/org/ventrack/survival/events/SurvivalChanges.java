package org.ventrack.survival.events;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.patients.PatientEventListener;
import org.ventrack.platform.patients.PatientFacts;
import org.ventrack.platform.patients.PatientFactsView;
import org.ventrack.platform.responses.ResponseEventListener;
import org.ventrack.survival.service.PatientSurvivalChanged;

/**
 * Announces, inside the inbox transaction, that an applied event changed what a patient's survival is derived from:
 * a venetoclax course, a clinical event, or a response. Observers that wait for the commit
 * ({@code TransactionPhase.AFTER_SUCCESS}) hear of it only once the change is stored; a rolled-back or duplicate
 * event announces nothing.
 */
@ApplicationScoped
public class SurvivalChanges implements PatientEventListener, ResponseEventListener {

    private static final Set<String> CHANGING_TYPES = Set.of(EventTypes.TREATMENT_STARTED, EventTypes.TREATMENT_UPDATED,
            EventTypes.CLINICAL_EVENT_RECORDED, EventTypes.CLINICAL_EVENT_CORRECTED, EventTypes.RECORD_DELETED,
            EventTypes.BEST_RESPONSE_CHANGED, EventTypes.ASSESSMENT_CLASSIFIED);

    @Inject
    PatientFacts facts;
    @Inject
    Event<PatientSurvivalChanged> changed;

    @Override
    public void apply(EventEnvelope event) {
        if (!CHANGING_TYPES.contains(event.type())) {
            return;
        }
        UUID patientId;
        try {
            patientId = UUID.fromString(event.subject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return;
        }
        // the site as it stands in this transaction decides which subscribers may hear of the change
        String siteCode = facts.find(patientId).map(PatientFactsView::siteCode).orElse(null);
        changed.fire(new PatientSurvivalChanged(patientId, siteCode));
    }
}
