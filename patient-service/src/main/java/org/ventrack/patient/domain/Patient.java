package org.ventrack.patient.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.ventrack.platform.events.patient.Sex;

/** A pseudonymised study patient: a site-scoped UPN, never a name or a national identifier. */
@Entity
@Table(name = "patient")
public class Patient {

    @Id
    public UUID id;
    @Column(name = "site_code", nullable = false)
    public String siteCode;
    @Column(nullable = false)
    public String upn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sex sex;
    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Diagnosis diagnosis;
    @Column(name = "diagnosis_date")
    public LocalDate diagnosisDate;
    @Column(name = "prior_relapses", nullable = false)
    public int priorRelapses;
    @Column(name = "prior_lines")
    public Integer priorLines;
    @Column(name = "prior_hsct", nullable = false)
    public boolean priorHsct;
    @Column(name = "prior_hsct_date")
    public LocalDate priorHsctDate;
    @Column(name = "cns_status")
    public Integer cnsStatus;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "extramedullary_sites", nullable = false)
    public List<String> extramedullarySites = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "genetic_alterations", nullable = false)
    public List<GeneticAlteration> geneticAlterations = new ArrayList<>();
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
