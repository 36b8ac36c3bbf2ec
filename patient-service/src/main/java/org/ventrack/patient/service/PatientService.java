package org.ventrack.patient.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.patient.domain.Patient;
import org.ventrack.patient.domain.PatientRepository;
import org.ventrack.patient.domain.SiteRepository;
import org.ventrack.patient.rest.PatientRequest;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.events.patient.PatientRegistered;
import org.ventrack.platform.events.patient.PatientUpdated;
import org.ventrack.platform.outbox.Outbox;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.rest.ETags;

/** Registers and corrects patients; every change and its event are written in one transaction. */
@ApplicationScoped
public class PatientService {

    @Inject
    PatientRepository patients;
    @Inject
    SiteRepository sites;
    @Inject
    Outbox outbox;

    @Transactional
    public Patient register(PatientRequest request) {
        requireSite(request.siteCode());
        if (patients.upnTaken(request.siteCode(), request.upn())) {
            throw ProblemException.conflict("UPN " + request.upn() + " is already registered at site " + request.siteCode() + ".");
        }
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        patient.createdAt = now();
        copy(request, patient);
        patients.persistAndFlush(patient);
        outbox.publish(Topics.PATIENT, EventTypes.PATIENT_REGISTERED, patient.id,
                new PatientRegistered(patient.id, patient.siteCode, patient.upn, patient.sex, patient.birthDate,
                        patient.diagnosis.name(), patient.diagnosisDate));
        return patient;
    }

    /** Applies a correction if {@code ifMatch} names the current version (412 otherwise, 428 when missing). */
    @Transactional
    public Optional<Patient> update(UUID id, String ifMatch, PatientRequest request, java.util.function.Predicate<Patient> visible) {
        Optional<Patient> found = patients.findByIdOptional(id).filter(visible);
        if (found.isEmpty()) {
            return found;
        }
        Patient patient = found.get();
        ETags.requireMatch(ifMatch, patient.version);
        if (!patient.siteCode.equals(request.siteCode())) {
            requireSite(request.siteCode());
        }
        if ((!patient.siteCode.equals(request.siteCode()) || !patient.upn.equals(request.upn()))
                && patients.upnTaken(request.siteCode(), request.upn())) {
            throw ProblemException.conflict("UPN " + request.upn() + " is already registered at site " + request.siteCode() + ".");
        }
        copy(request, patient);
        patients.flush();
        outbox.publish(Topics.PATIENT, EventTypes.PATIENT_UPDATED, patient.id,
                new PatientUpdated(patient.id, patient.siteCode, patient.upn, patient.sex, patient.birthDate,
                        patient.diagnosis.name(), patient.diagnosisDate, patient.version));
        return Optional.of(patient);
    }

    private void requireSite(String siteCode) {
        if (sites.findByIdOptional(siteCode).isEmpty()) {
            throw ProblemException.unprocessable("siteCode", "site " + siteCode + " does not exist");
        }
    }

    private static void copy(PatientRequest request, Patient patient) {
        if (request.diagnosisDate() != null && request.diagnosisDate().isBefore(request.birthDate())) {
            throw ProblemException.unprocessable("diagnosisDate", "must not be before the birth date");
        }
        patient.siteCode = request.siteCode();
        patient.upn = request.upn();
        patient.sex = request.sex();
        patient.birthDate = request.birthDate();
        patient.diagnosis = request.diagnosis();
        patient.diagnosisDate = request.diagnosisDate();
        patient.updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
