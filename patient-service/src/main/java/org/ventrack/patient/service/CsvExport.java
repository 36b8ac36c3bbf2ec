package org.ventrack.patient.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.patient.domain.ClinicalEvent;
import org.ventrack.patient.domain.Patient;
import org.ventrack.patient.domain.PatientRecord;
import org.ventrack.patient.domain.PatientRecords;
import org.ventrack.patient.domain.PatientRepository;
import org.ventrack.patient.domain.TreatmentCourse;
import org.ventrack.platform.export.Csv;
import org.ventrack.platform.security.CallerScope;

/** Flat CSV exports of the caller's patients, courses and clinical events. */
@ApplicationScoped
public class CsvExport {

    public static final String MEDIA_TYPE = Csv.MEDIA_TYPE;

    @Inject
    PatientRepository patients;
    @Inject
    PatientRecords records;
    @Inject
    CallerScope scope;

    @Transactional(Transactional.TxType.SUPPORTS)
    public String patients(String site) {
        return csv(List.of("patient_id", "site_code", "upn", "sex", "birth_date", "diagnosis", "diagnosis_date",
                "prior_relapses", "prior_lines", "prior_hsct", "prior_hsct_date", "cns_status", "extramedullary_sites",
                "genetic_alterations"),
                patients.inScope(scope.siteFilter(), site).stream().map(p -> List.<Object>of(p.id, p.siteCode, p.upn, p.sex,
                        p.birthDate, p.diagnosis, opt(p.diagnosisDate), p.priorRelapses, opt(p.priorLines), p.priorHsct,
                        opt(p.priorHsctDate), opt(p.cnsStatus), String.join("|", p.extramedullarySites),
                        p.geneticAlterations.stream().map(g -> g.kind() + ":" + g.label()).collect(Collectors.joining("|"))))
                        .toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String courses(String site) {
        Map<UUID, Patient> scoped = scoped(site);
        return csv(List.of("course_id", "patient_id", "site_code", "upn", "start_date", "regimen", "partner_agents",
                "cycle_length_days", "active_days", "dose_basis", "daily_dose_mg", "ramp_up", "cycles_given", "end_date",
                "end_reason"),
                records(TreatmentCourse.class, scoped, "startDate").stream().map(c -> List.<Object>of(c.id, c.patientId,
                        scoped.get(c.patientId).siteCode, scoped.get(c.patientId).upn, c.startDate, c.regimen,
                        String.join("|", c.partnerAgents), c.cycleLengthDays, c.activeDays, c.doseBasis, c.dailyDoseMg,
                        c.rampUp, opt(c.cyclesGiven), opt(c.endDate), opt(c.endReason))).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String clinicalEvents(String site) {
        Map<UUID, Patient> scoped = scoped(site);
        return csv(List.of("event_id", "patient_id", "site_code", "upn", "kind", "date", "hsct_donor", "hsct_conditioning",
                "death_cause"),
                records(ClinicalEvent.class, scoped, "eventDate").stream().map(e -> List.<Object>of(e.id, e.patientId,
                        scoped.get(e.patientId).siteCode, scoped.get(e.patientId).upn, e.kind, e.eventDate,
                        opt(e.hsctDonor), opt(e.hsctConditioning), opt(e.deathCause))).toList());
    }

    private Map<UUID, Patient> scoped(String site) {
        return patients.inScope(scope.siteFilter(), site).stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
    }

    private <R extends PatientRecord> List<R> records(Class<R> type, Map<UUID, Patient> scoped, String orderBy) {
        return records.ofPatients(type, scoped.keySet(), orderBy);
    }

    private static Object opt(Object value) {
        return value == null ? "" : value;
    }

    private static String csv(List<String> header, List<List<Object>> rows) {
        return Csv.write(header, rows);
    }
}
