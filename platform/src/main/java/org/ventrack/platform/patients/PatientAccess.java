package org.ventrack.platform.patients;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.platform.problem.Problem;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.security.CallerScope;

/**
 * A consuming service's access to a patient it knows from events: 404 when unknown here or outside the caller's
 * sites, 403 for a caller who may only read, and the patient's row locked for a write so that writes about one
 * patient (and what they re-derive) run one after another.
 */
@ApplicationScoped
public class PatientAccess {

    @Inject
    PatientFacts facts;
    @Inject
    PatientTimeline timeline;
    @Inject
    CallerScope scope;

    @Transactional(Transactional.TxType.SUPPORTS)
    public PatientFactsView readable(UUID patientId) {
        return scope.visible(facts.find(patientId), PatientFactsView::siteCode, PatientFactsView::patientId)
                .orElseThrow(() -> ProblemException.notFound("Patient", patientId));
    }

    /** One query: the row is locked first and then checked (a refused caller's transaction ends at once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public PatientFactsView writable(UUID patientId) {
        PatientFactsView patient = scope.visible(facts.lock(patientId), PatientFactsView::siteCode, PatientFactsView::patientId)
                .orElseThrow(() -> ProblemException.notFound("Patient", patientId));
        scope.requireWrite(patient.siteCode());
        return patient;
    }

    /**
     * What is wrong with {@code date} on the patient's timeline: before birth, in the future (later than the latest
     * date anywhere on earth, so a site east of UTC may post today's data) or after death.
     */
    public List<Problem.FieldError> dateProblems(PatientFactsView patient, String field, LocalDate date) {
        return dateProblems(patient, field, date, timeline.deathDate(patient.patientId()));
    }

    /** As {@link #dateProblems(PatientFactsView, String, LocalDate)}, with the death date already read. */
    public List<Problem.FieldError> dateProblems(PatientFactsView patient, String field, LocalDate date,
            Optional<LocalDate> deathDate) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (patient.birthDate() != null && date.isBefore(patient.birthDate())) {
            errors.add(new Problem.FieldError(field, "is before the patient's birth (" + patient.birthDate() + ")"));
        }
        if (date.isAfter(LocalDate.now(ZoneOffset.ofHours(14)))) {
            errors.add(new Problem.FieldError(field, "is in the future"));
        }
        deathDate.filter(date::isAfter).ifPresent(death -> errors.add(
                new Problem.FieldError(field, "is after the patient's death (" + death + ")")));
        return errors;
    }
}
