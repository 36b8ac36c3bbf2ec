package org.ventrack.patient.service;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.patient.domain.AdverseEvent;
import org.ventrack.patient.domain.GeneticAlteration;
import org.ventrack.patient.domain.Patient;
import org.ventrack.patient.domain.PatientRecords;
import org.ventrack.patient.domain.PatientRepository;
import org.ventrack.patient.domain.TreatmentCourse;
import org.ventrack.patient.domain.cohort.Characteristics;
import org.ventrack.patient.domain.cohort.CohortAdverseEvent;
import org.ventrack.patient.domain.cohort.CohortPatient;
import org.ventrack.patient.domain.cohort.Toxicities;
import org.ventrack.patient.events.ResponseFacts;
import org.ventrack.platform.security.CallerScope;

/** The paper's Table 1 and Table 2 for the patients the caller may see, computed from the record as it stands. */
@ApplicationScoped
public class CohortService {

    @Inject
    PatientRepository patients;
    @Inject
    PatientRecords records;
    @Inject
    CallerScope scope;

    @Inject
    ResponseFacts responses;

    /** Table 1, its response rows under {@code criteria} as response-service published them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Characteristics characteristics(String site, String criteria) {
        List<CohortPatient> cohort = cohort(site);
        return Characteristics.of(cohort, criteria,
                responses.of(cohort.stream().map(p -> UUID.fromString(p.patientId())).toList(), criteria));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Toxicities toxicities(String site) {
        List<CohortPatient> cohort = cohort(site);
        List<UUID> ids = cohort.stream().map(p -> UUID.fromString(p.patientId())).toList();
        // adverse events before venetoclax (no regimen at onset) are not toxicities of a venetoclax regimen
        List<CohortAdverseEvent> events = records.ofPatients(AdverseEvent.class, ids, "onsetDate").stream()
                .filter(e -> e.regimen != null)
                .map(e -> new CohortAdverseEvent(e.patientId.toString(), e.regimen.name(), e.term, e.grade, e.serious))
                .toList();
        return Toxicities.of(cohort, events);
    }

    /** The caller's patients with their first venetoclax course (regimen, start) and the cycles of all courses. */
    public List<CohortPatient> cohort(String site) {
        List<Patient> inScope = patients.inScope(scope.siteFilter(), site);
        if (inScope.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<TreatmentCourse>> courses = records.ofPatients(TreatmentCourse.class,
                inScope.stream().map(p -> p.id).toList(), "startDate").stream()
                .collect(Collectors.groupingBy(c -> c.patientId));
        return inScope.stream().map(p -> {
            List<TreatmentCourse> own = courses.getOrDefault(p.id, List.of());
            TreatmentCourse first = own.stream().min(Comparator.comparing(c -> c.startDate)).orElse(null);
            BigDecimal cycles = own.stream().map(c -> c.cyclesGiven).filter(Objects::nonNull)
                    .reduce(BigDecimal::add).orElse(null);
            return new CohortPatient(p.id.toString(), p.siteCode, p.sex.name(), p.birthDate, p.diagnosis.name(),
                    p.priorRelapses, p.priorLines, p.priorHsct, p.cnsStatus,
                    p.geneticAlterations.stream().map(GeneticAlteration::label).toList(),
                    first == null ? null : first.startDate, first == null ? null : first.regimen.name(), cycles);
        }).toList();
    }
}
