package org.ventrack.response.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    private static final Sort BY_DATE = Sort.by("assessmentDate").and("createdAt").and("id");

    public List<Assessment> ofPatient(UUID patientId) {
        return list("patientId", BY_DATE, patientId);
    }

    public PanacheQuery<Assessment> pageOfPatient(UUID patientId) {
        return find("patientId", BY_DATE, patientId);
    }
}
