package org.ventrack.patient.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.ventrack.patient.domain.Diagnosis;
import org.ventrack.patient.domain.GeneticAlteration;
import org.ventrack.patient.domain.Patient;
import org.ventrack.platform.events.patient.Sex;

public record PatientView(
        UUID id,
        String siteCode,
        String upn,
        Sex sex,
        LocalDate birthDate,
        Diagnosis diagnosis,
        LocalDate diagnosisDate,
        int priorRelapses,
        Integer priorLines,
        boolean priorHsct,
        LocalDate priorHsctDate,
        Integer cnsStatus,
        List<String> extramedullarySites,
        List<GeneticAlteration> geneticAlterations,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static PatientView of(Patient p) {
        return new PatientView(p.id, p.siteCode, p.upn, p.sex, p.birthDate, p.diagnosis, p.diagnosisDate, p.priorRelapses,
                p.priorLines, p.priorHsct, p.priorHsctDate, p.cnsStatus, List.copyOf(p.extramedullarySites),
                List.copyOf(p.geneticAlterations), p.version, p.createdAt, p.updatedAt);
    }
}
