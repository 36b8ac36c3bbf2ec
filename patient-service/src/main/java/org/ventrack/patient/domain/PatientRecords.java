package org.ventrack.patient.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Reads and writes any kind of {@link PatientRecord}; one place instead of a repository per record type. */
@ApplicationScoped
public class PatientRecords {

    @Inject
    EntityManager em;

    public <R extends PatientRecord> List<R> of(Class<R> type, UUID patientId, String orderBy) {
        return em.createQuery("from " + type.getSimpleName() + " where patientId = :patient order by " + orderBy + ", id", type)
                .setParameter("patient", patientId).getResultList();
    }

    /** The records of one type of several patients, by patient then {@code orderBy}. */
    public <R extends PatientRecord> List<R> ofPatients(Class<R> type, java.util.Collection<UUID> patientIds, String orderBy) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from " + type.getSimpleName() + " where patientId in :ids order by patientId, " + orderBy
                + ", id", type).setParameter("ids", patientIds).getResultList();
    }

    public <R extends PatientRecord> Optional<R> find(Class<R> type, UUID patientId, UUID id) {
        return Optional.ofNullable(em.find(type, id)).filter(r -> r.patientId.equals(patientId));
    }

    public void persist(PatientRecord record) {
        em.persist(record);
        em.flush();
    }

    public EntityManager em() {
        return em;
    }

    public void flush() {
        em.flush();
    }

    public void delete(PatientRecord record) {
        em.remove(record);
        em.flush();
    }

    /** Locks the patient row: changes to one patient's record are serialised, so cross-record rules hold. */
    public Patient lockPatient(UUID patientId) {
        return em.find(Patient.class, patientId, LockModeType.PESSIMISTIC_WRITE);
    }
}
