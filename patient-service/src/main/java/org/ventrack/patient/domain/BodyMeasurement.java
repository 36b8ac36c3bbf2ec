package org.ventrack.patient.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import java.util.List;
import org.ventrack.patient.domain.timeline.DatedFact;
import org.ventrack.patient.domain.timeline.DatedFact.Kind;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "body_measurement")
public class BodyMeasurement extends PatientRecord {

    @Column(name = "measured_on", nullable = false)
    public LocalDate measuredOn;
    @Column(name = "weight_kg", nullable = false)
    public BigDecimal weightKg;
    @Column(name = "height_cm", nullable = false)
    public BigDecimal heightCm;

    @Override
    public List<DatedFact> datedFacts() {
        return List.of(new DatedFact(id, "measuredOn", measuredOn, Kind.OTHER));
    }
}
