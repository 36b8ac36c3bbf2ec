package org.ventrack.response.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    private static final Sort BY_DATE = Sort.by("assessmentDate").and("createdAt").and("id");

    /**
     * The patient's assessments, read-only: Hibernate keeps no snapshot of them and never dirty-checks them, so a
     * write that re-derives a patient's results does not pay for every assessment the patient has at each flush.
     */
    public List<Assessment> ofPatient(UUID patientId) {
        return find("patientId", BY_DATE, patientId).withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    /** The assessments of several patients, read-only, by date. */
    public List<Assessment> ofPatients(List<UUID> patientIds) {
        return patientIds.isEmpty() ? List.of()
                : find("patientId in ?1", BY_DATE, patientIds).withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    public PanacheQuery<Assessment> pageOfPatient(UUID patientId) {
        return find("patientId", BY_DATE, patientId);
    }
}
