package org.ventrack.patient.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ventrack.patient.domain.timeline.DatedFact;
import org.ventrack.patient.domain.timeline.DatedFact.Kind;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A venetoclax course; the earliest course's start date is the time origin of every outcome. */
@Entity
@Table(name = "treatment_course")
public class TreatmentCourse extends PatientRecord {

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Regimen regimen;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "partner_agents", nullable = false)
    public List<String> partnerAgents = new ArrayList<>();
    @Column(name = "cycle_length_days", nullable = false)
    public int cycleLengthDays;
    @Column(name = "active_days", nullable = false)
    public int activeDays;
    @Enumerated(EnumType.STRING)
    @Column(name = "dose_basis", nullable = false)
    public DoseBasis doseBasis;
    @Column(name = "daily_dose_mg", nullable = false)
    public BigDecimal dailyDoseMg;
    @Column(name = "ramp_up", nullable = false)
    public boolean rampUp;
    @Column(name = "cycles_given")
    public BigDecimal cyclesGiven;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "end_reason")
    public String endReason;

    @Override
    public List<DatedFact> datedFacts() {
        DatedFact start = new DatedFact(id, "startDate", startDate, Kind.VENETOCLAX_START);
        return endDate == null ? List.of(start) : List.of(start, new DatedFact(id, "endDate", endDate, Kind.OTHER));
    }
}
