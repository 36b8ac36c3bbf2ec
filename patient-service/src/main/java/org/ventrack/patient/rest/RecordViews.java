package org.ventrack.patient.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.ventrack.patient.domain.AdverseEvent;
import org.ventrack.patient.domain.BodyMeasurement;
import org.ventrack.patient.domain.ClinicalEvent;
import org.ventrack.patient.domain.Comedication;
import org.ventrack.patient.domain.TreatmentCourse;
import org.ventrack.patient.domain.rules.BodySurfaceArea;
import org.ventrack.platform.events.patient.AdverseEventRecord;
import org.ventrack.platform.events.patient.ClinicalEventRecord;
import org.ventrack.platform.events.patient.ComedicationRecord;
import org.ventrack.platform.events.patient.MeasurementRecord;
import org.ventrack.platform.events.patient.TreatmentCourseRecord;

/** Entities to their API views, which are also the payloads of their events. */
public final class RecordViews {

    private RecordViews() {
    }

    public static MeasurementRecord of(BodyMeasurement m) {
        BigDecimal bsa = BigDecimal.valueOf(BodySurfaceArea.mosteller(m.weightKg.doubleValue(), m.heightCm.doubleValue()))
                .setScale(3, RoundingMode.HALF_UP);
        return new MeasurementRecord(m.id, m.patientId, m.measuredOn, m.weightKg, m.heightCm, bsa, m.version);
    }

    public static TreatmentCourseRecord of(TreatmentCourse c) {
        return new TreatmentCourseRecord(c.id, c.patientId, c.startDate, c.regimen.name(), List.copyOf(c.partnerAgents),
                c.cycleLengthDays, c.activeDays, c.doseBasis.name(), c.dailyDoseMg, c.rampUp, c.cyclesGiven, c.endDate,
                c.endReason, c.version);
    }

    public static ComedicationRecord of(Comedication c) {
        return new ComedicationRecord(c.id, c.patientId, c.drug, c.cyp3aInhibition.name(), c.startDate, c.endDate, c.version);
    }

    public static ClinicalEventRecord of(ClinicalEvent e) {
        return new ClinicalEventRecord(e.id, e.patientId, e.kind.name(), e.eventDate, name(e.hsctDonor),
                name(e.hsctConditioning), name(e.deathCause), e.version);
    }

    public static AdverseEventRecord of(AdverseEvent e) {
        return new AdverseEventRecord(e.id, e.patientId, e.term, e.grade, e.onsetDate, e.serious, e.attribution.name(),
                name(e.regimen), e.version);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
