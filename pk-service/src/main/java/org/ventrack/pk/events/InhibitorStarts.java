package org.ventrack.pk.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.patient.ComedicationRecord;
import org.ventrack.platform.patients.PatientEventListener;
import org.ventrack.platform.patients.PatientFacts;
import org.ventrack.platform.patients.PatientTimeline;
import org.ventrack.pk.service.Alerts;

/**
 * A strong CYP3A inhibitor started while the patient is on venetoclax raises an alert, once per co-medication, in
 * the inbox transaction of the event: the label reduces the venetoclax dose by at least 75 % for strong inhibitors.
 */
@ApplicationScoped
public class InhibitorStarts implements PatientEventListener {

    @Inject
    EventCodec codec;
    @Inject
    PatientFacts facts;
    @Inject
    PatientTimeline timeline;
    @Inject
    Alerts alerts;

    @Override
    public void apply(EventEnvelope event) {
        if (!EventTypes.COMEDICATION_STARTED.equals(event.type()) && !EventTypes.COMEDICATION_CORRECTED.equals(event.type())) {
            return;
        }
        ComedicationRecord drug = codec.payload(event, ComedicationRecord.class);
        if (!"STRONG".equals(drug.cyp3aInhibition())) {
            return;
        }
        var patient = facts.find(drug.patientId());
        var course = timeline.courses(drug.patientId()).stream()
                .filter(c -> !c.startDate().isAfter(drug.startDate())
                        && (c.endDate() == null || !c.endDate().isBefore(drug.startDate())))
                .findFirst();
        if (patient.isEmpty() || course.isEmpty()) {
            return;
        }
        alerts.raise(drug.patientId(), patient.get().siteCode(), Alerts.STRONG_INHIBITOR_STARTED, null, drug.id(),
                List.of(), List.of(drug.drug() + " (strong CYP3A inhibitor) started on " + drug.startDate()
                        + " during venetoclax (course from " + course.get().startDate() + ", "
                        + course.get().dailyDoseMg() + " mg daily): the label reduces the venetoclax dose by at least "
                        + "75 % while it is given (see POST /api/v1/pk/dose-recommendation), and a trough is advised."));
    }
}
