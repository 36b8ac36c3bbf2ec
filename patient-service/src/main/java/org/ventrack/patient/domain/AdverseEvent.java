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
@Table(name = "adverse_event")
public class AdverseEvent extends PatientRecord {

    /** CTCAE v5.0 term, in its official spelling. */
    @Column(nullable = false)
    public String term;
    @Column(nullable = false)
    public int grade;
    @Column(name = "onset_date", nullable = false)
    public LocalDate onsetDate;
    @Column(nullable = false)
    public boolean serious;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Attribution attribution;
    /** The regimen of the course running at onset, derived when recorded. */
    @Enumerated(EnumType.STRING)
    public Regimen regimen;

    @Override
    public List<DatedFact> datedFacts() {
        return List.of(new DatedFact(id, "onsetDate", onsetDate, Kind.OTHER));
    }
}
