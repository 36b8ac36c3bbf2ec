package org.ventrack.patient.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.ventrack.patient.domain.timeline.DatedFact;

/** What every record that belongs to a patient has: its id, the patient, a version for If-Match, a creation time. */
@MappedSuperclass
public abstract class PatientRecord {

    @Id
    public UUID id;
    @Column(name = "patient_id", nullable = false)
    public UUID patientId;
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The dates this record puts on the patient's timeline, for the consistency rules. */
    public abstract List<DatedFact> datedFacts();
}
