package org.ventrack.pk.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SampleRepository implements PanacheRepositoryBase<Sample, UUID> {

    private static final Sort BY_TIME = Sort.by("sampledAt").and("id");

    public PanacheQuery<Sample> ofPatient(UUID patientId) {
        return find("patientId", BY_TIME, patientId);
    }

    public List<Sample> ofPatients(List<UUID> patientIds) {
        return patientIds.isEmpty() ? List.of() : list("patientId in ?1", BY_TIME, patientIds);
    }

    /** Dose-normalised troughs without a strong CYP3A inhibitor: the cohort's interaction-free reference. */
    public List<java.math.BigDecimal> interactionFreeTroughs() {
        return getEntityManager().createQuery("select s.doseNormalised from Sample s where s.kind = "
                + "org.ventrack.pk.domain.trough.SampleKind.TROUGH and s.strongInhibitor = false "
                + "and s.doseNormalised is not null", java.math.BigDecimal.class).getResultList();
    }
}
