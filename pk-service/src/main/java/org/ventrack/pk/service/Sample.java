package org.ventrack.pk.service;

import java.math.BigDecimal;
import java.time.LocalDateTime;
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
import org.ventrack.pk.domain.trough.PkSample;
import org.ventrack.pk.domain.trough.SampleKind;

/** A venetoclax plasma sample as the site posted it, with what its last judgement derived. */
@Entity
@Table(name = "pk_sample")
public class Sample {

    @Id
    public UUID id;
    @Column(name = "patient_id", nullable = false)
    public UUID patientId;
    @Column(name = "sampled_at", nullable = false)
    public LocalDateTime sampledAt;
    @Column(name = "last_dose_at")
    public LocalDateTime lastDoseAt;
    @Column(name = "daily_dose_mg", nullable = false)
    public BigDecimal dailyDoseMg;
    @Column(name = "concentration_ng_per_ml")
    public BigDecimal concentrationNgPerMl;
    @Column(name = "lloq_ng_per_ml")
    public BigDecimal lloqNgPerMl;
    @Column(name = "below_lloq", nullable = false)
    public boolean belowLloq;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SampleKind kind;
    @Column(name = "dose_normalised")
    public BigDecimal doseNormalised;
    @Column(name = "strong_inhibitor", nullable = false)
    public boolean strongInhibitor;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> flags = new ArrayList<>();
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public PkSample pkSample() {
        return new PkSample(sampledAt, lastDoseAt, dailyDoseMg.doubleValue(),
                concentrationNgPerMl == null ? null : concentrationNgPerMl.doubleValue(),
                lloqNgPerMl == null ? null : lloqNgPerMl.doubleValue(), belowLloq, kind);
    }
}
