package org.ventrack.response.service;

import java.math.BigDecimal;
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
import org.ventrack.response.domain.criteria.Marrow;
import org.ventrack.response.domain.criteria.Mrd;

/** A marrow and blood assessment as the site posted it. */
@Entity
@Table(name = "assessment")
public class Assessment {

    @Id
    public UUID id;
    @Column(name = "patient_id", nullable = false)
    public UUID patientId;
    @Column(name = "assessment_date", nullable = false)
    public LocalDate assessmentDate;
    public Integer cycle;
    @Column(name = "blast_percent")
    public BigDecimal blastPercent;
    @Column(name = "circulating_blasts")
    public Boolean circulatingBlasts;
    @Column(name = "extramedullary_disease")
    public Boolean extramedullaryDisease;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "extramedullary_sites", nullable = false)
    public List<String> extramedullarySites = new ArrayList<>();
    public BigDecimal platelets;
    public BigDecimal anc;
    @Column(name = "transfusion_dependent")
    public Boolean transfusionDependent;
    @Column(name = "cellularity_percent")
    public BigDecimal cellularityPercent;
    @Column(name = "cells_counted")
    public Integer cellsCounted;
    @Enumerated(EnumType.STRING)
    @Column(name = "mrd_status")
    public Mrd mrdStatus;
    @Column(name = "mrd_level_percent")
    public BigDecimal mrdLevelPercent;
    @Column(nullable = false)
    public boolean baseline;
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** What the response criteria read of it. */
    public Marrow marrow() {
        return new Marrow(id, assessmentDate, blastPercent, circulatingBlasts, extramedullaryDisease, platelets, anc,
                cellularityPercent, cellsCounted, mrdStatus, baseline);
    }
}
