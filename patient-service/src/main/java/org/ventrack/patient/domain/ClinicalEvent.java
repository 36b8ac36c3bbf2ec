package org.ventrack.patient.domain;

import java.time.LocalDate;

import java.util.List;
import org.ventrack.patient.domain.timeline.DatedFact;
import org.ventrack.patient.domain.timeline.DatedFact.Kind;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

@Entity
@Table(name = "clinical_event")
public class ClinicalEvent extends PatientRecord {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClinicalEventKind kind;
    @Column(name = "event_date", nullable = false)
    public LocalDate eventDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "hsct_donor")
    public DonorType hsctDonor;
    @Enumerated(EnumType.STRING)
    @Column(name = "hsct_conditioning")
    public Conditioning hsctConditioning;
    @Enumerated(EnumType.STRING)
    @Column(name = "death_cause")
    public DeathCause deathCause;

    @Override
    public List<DatedFact> datedFacts() {
        return List.of(new DatedFact(id, "date", eventDate, Kind.valueOf(kind.name())));
    }
}
