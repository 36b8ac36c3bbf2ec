package org.ventrack.patient.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.patient.domain.Patient;
import org.ventrack.patient.domain.PatientRepository;
import org.ventrack.patient.domain.timeline.DatedFact;
import org.ventrack.patient.rest.PatientRequest;
import org.ventrack.patient.rest.PatientView;
import org.ventrack.platform.audit.AuditLog;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.events.patient.PatientRegistered;
import org.ventrack.platform.events.patient.PatientUpdated;
import org.ventrack.platform.outbox.Outbox;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.rest.ETags;
import org.ventrack.platform.security.CallerScope;

/** Registers and corrects patients; every change, its audit entry and its event are written in one transaction. */
@ApplicationScoped
public class PatientService {

    private static final String AUDIT_TYPE = "patient";

    @Inject
    PatientRepository patients;
    @Inject
    KnownSites sites;
    @Inject
    Outbox outbox;
    @Inject
    AuditLog audit;
    @Inject
    CallerScope scope;
    @Inject
    RecordKeeper keeper;

    @Transactional
    public Patient register(PatientRequest request) {
        scope.requireWrite(request.siteCode());
        requireSite(request.siteCode());
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        patient.createdAt = now();
        copy(request, patient);
        try {
            patients.persistAndFlush(patient);
        } catch (jakarta.persistence.PersistenceException e) {
            // the unique constraint decides, so two concurrent registrations of one UPN cannot both pass a check
            if (e.getCause() instanceof org.hibernate.exception.ConstraintViolationException violation
                    && "patient_upn_unique_in_site".equals(violation.getConstraintName())) {
                throw ProblemException.conflict("UPN " + request.upn() + " is already registered at site " + request.siteCode() + ".");
            }
            throw e;
        }
        audit.record(scope.caller(), AuditLog.CREATE, AUDIT_TYPE, patient.id, patient.id, null, PatientView.of(patient));
        outbox.publish(Topics.PATIENT, EventTypes.PATIENT_REGISTERED, patient.id,
                new PatientRegistered(patient.id, patient.siteCode, patient.upn, patient.sex, patient.birthDate,
                        patient.diagnosis.name(), patient.diagnosisDate, labels(patient)));
        return patient;
    }

    /** Applies a correction if {@code ifMatch} names the current version (412 otherwise, 428 when missing). */
    @Transactional
    public Patient update(UUID id, String ifMatch, PatientRequest request) {
        Patient patient = keeper.writable(id);
        scope.requireWrite(request.siteCode(), id);
        ETags.requireMatch(ifMatch, patient.version);
        if (!patient.siteCode.equals(request.siteCode())) {
            requireSite(request.siteCode());
        }
        if ((!patient.siteCode.equals(request.siteCode()) || !patient.upn.equals(request.upn()))
                && patients.upnTaken(request.siteCode(), request.upn())) {
            throw ProblemException.conflict("UPN " + request.upn() + " is already registered at site " + request.siteCode() + ".");
        }
        PatientView before = PatientView.of(patient);
        keeper.checkTimeline(patient, patient.id,
                List.of(new DatedFact(patient.id, "birthDate", request.birthDate(), DatedFact.Kind.BIRTH)));
        copy(request, patient);
        patients.flush();
        PatientView after = PatientView.of(patient);
        audit.record(scope.caller(), AuditLog.UPDATE, AUDIT_TYPE, patient.id, patient.id, before, after);
        outbox.publish(Topics.PATIENT, EventTypes.PATIENT_UPDATED, patient.id,
                new PatientUpdated(patient.id, patient.siteCode, patient.upn, patient.sex, patient.birthDate,
                        patient.diagnosis.name(), patient.diagnosisDate, patient.version, labels(patient)));
        return patient;
    }

    /** The patient for reading only: loaded without the snapshot Hibernate keeps to detect changes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Patient> find(UUID id) {
        return Optional.ofNullable(patients.getEntityManager().find(Patient.class, id,
                java.util.Map.of(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)));
    }

    /** The patient's whole audit trail: the patient and every record of it, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<org.ventrack.platform.audit.AuditEntry> history(UUID id) {
        return audit.ofPatient(keeper.readable(id).id);
    }

    private static List<String> labels(Patient patient) {
        return patient.geneticAlterations.stream().map(org.ventrack.patient.domain.GeneticAlteration::label).toList();
    }

    private void requireSite(String siteCode) {
        if (!sites.exists(siteCode)) {
            throw ProblemException.unprocessable("siteCode", "site " + siteCode + " does not exist");
        }
    }

    private static void copy(PatientRequest request, Patient patient) {
        request.applyTo(patient);
        patient.updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
