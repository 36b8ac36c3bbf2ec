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

import org.ventrack.patient.domain.rules.Cyp3aInhibition;

@Entity
@Table(name = "comedication")
public class Comedication extends PatientRecord {

    @Column(nullable = false)
    public String drug;
    /** Derived from the drug by the maintained inhibitor list, kept as it was when recorded. */
    @Enumerated(EnumType.STRING)
    @Column(name = "cyp3a_inhibition", nullable = false)
    public Cyp3aInhibition cyp3aInhibition;
    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;

    @Override
    public List<DatedFact> datedFacts() {
        DatedFact start = new DatedFact(id, "startDate", startDate, Kind.OTHER);
        return endDate == null ? List.of(start) : List.of(start, new DatedFact(id, "endDate", endDate, Kind.OTHER));
    }
}
