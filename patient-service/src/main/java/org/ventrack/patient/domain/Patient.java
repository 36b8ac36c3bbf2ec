package org.ventrack.patient.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
