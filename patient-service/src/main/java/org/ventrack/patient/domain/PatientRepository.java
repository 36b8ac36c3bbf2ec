package org.ventrack.patient.domain;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    /** Every patient of the given sites (all sites when empty), optionally of one site, in registration order. */
    public java.util.List<Patient> inScope(Optional<Set<String>> sites, String site) {
        return search(sites, site, null, null, null).list();
    }

    public boolean upnTaken(String siteCode, String upn) {
        return count("siteCode = ?1 and upn = ?2", siteCode, upn) > 0;
    }

    /**
     * @param sites     the caller's sites, or empty for every site
     * @param site      an optional site filter
     * @param diagnosis an optional diagnosis filter
     * @param regimen   patients with a course of this regimen
     * @param upn       an optional study patient number (unique within a site)
     */
    public PanacheQuery<Patient> search(Optional<Set<String>> sites, String site, Diagnosis diagnosis, Regimen regimen,
            String upn) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (sites.isPresent()) {
            query.append(" and siteCode in :sites");
            parameters.and("sites", sites.get().isEmpty() ? Set.of("") : sites.get());
        }
        if (site != null) {
            query.append(" and siteCode = :site");
            parameters.and("site", site);
        }
        if (upn != null) {
            query.append(" and upn = :upn");
            parameters.and("upn", upn);
        }
        if (diagnosis != null) {
            query.append(" and diagnosis = :diagnosis");
            parameters.and("diagnosis", diagnosis);
        }
        if (regimen != null) {
            query.append(" and exists (from TreatmentCourse c where c.patientId = id and c.regimen = :regimen)");
            parameters.and("regimen", regimen);
        }
        return find(query.toString(), Sort.by("createdAt").and("id"), parameters);
    }
}
