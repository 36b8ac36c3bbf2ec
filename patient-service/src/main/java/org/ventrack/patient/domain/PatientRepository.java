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

    public boolean upnTaken(String siteCode, String upn) {
        return count("siteCode = ?1 and upn = ?2", siteCode, upn) > 0;
    }

    /**
     * @param sites     the caller's sites, or empty for every site
     * @param site      an optional site filter
     * @param diagnosis an optional diagnosis filter
     */
    public PanacheQuery<Patient> search(Optional<Set<String>> sites, String site, Diagnosis diagnosis) {
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
        if (diagnosis != null) {
            query.append(" and diagnosis = :diagnosis");
            parameters.and("diagnosis", diagnosis);
        }
        return find(query.toString(), Sort.by("createdAt").and("id"), parameters);
    }
}
