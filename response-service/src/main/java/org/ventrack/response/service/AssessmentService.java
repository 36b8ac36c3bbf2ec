package org.ventrack.response.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.platform.audit.AuditEntry;
import org.ventrack.platform.audit.AuditLog;
import org.ventrack.platform.patients.PatientAccess;
import org.ventrack.platform.patients.PatientFacts;
import org.ventrack.platform.patients.PatientFactsView;
import org.ventrack.platform.patients.PatientTimeline;
import org.ventrack.platform.problem.Problem;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.rest.ETags;
import org.ventrack.platform.rest.Page;
import org.ventrack.platform.security.CallerScope;

/**
 * Records, corrects and deletes assessments. Each write locks the patient, checks the assessment against the
 * patient's timeline, writes it with its audit entry and re-derives the patient's responses
 * ({@link ResponseLedger}), all in one transaction: a refused write changes nothing and publishes nothing.
 * <p>
 * A patient this service has not heard of (its registration event has not arrived, or it does not exist) is a 404:
 * the site of an unknown patient cannot be checked, so accepting the assessment would bypass site scoping.
 */
@ApplicationScoped
public class AssessmentService {

    static final String AUDIT_TYPE = "assessment";

    @Inject
    AssessmentRepository assessments;
    @Inject
    PatientFacts facts;
    @Inject
    PatientAccess patients;
    @Inject
    PatientTimeline timeline;
    @Inject
    ResponseLedger ledger;
    @Inject
    AuditLog audit;
    @Inject
    CallerScope scope;

    /** @param view maps the stored assessment while the transaction is open */
    @Transactional
    public <V> V record(AssessmentInput input, Function<Assessment, V> view) {
        PatientFactsView patient = patients.writable(input.patientId());
        PatientTimeline.Snapshot known = timeline.of(patient.patientId());
        checkTimeline(patient, known, input);
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.patientId = input.patientId();
        assessment.createdAt = now();
        copy(input, assessment);
        assessments.persistAndFlush(assessment);
        V after = view.apply(assessment);
        audit.record(scope.caller(), AuditLog.CREATE, AUDIT_TYPE, assessment.id, assessment.patientId, null, after);
        ledger.reconcile(assessment.patientId, known.venetoclaxStart().orElse(null));
        return after;
    }

    @Transactional
    public <V> V correct(UUID id, String ifMatch, AssessmentInput input, Function<Assessment, V> view) {
        Assessment assessment = writable(id);
        ETags.requireMatch(ifMatch, assessment.version);
        if (!assessment.patientId.equals(input.patientId())) {
            throw ProblemException.unprocessable("patientId", "an assessment cannot move to another patient; delete it and "
                    + "record it for the right patient");
        }
        PatientTimeline.Snapshot known = timeline.of(assessment.patientId);
        checkTimeline(facts.find(assessment.patientId).orElseThrow(), known, input);
        V before = view.apply(assessment);
        copy(input, assessment);
        assessments.flush();
        V after = view.apply(assessment);
        audit.record(scope.caller(), AuditLog.UPDATE, AUDIT_TYPE, assessment.id, assessment.patientId, before, after);
        ledger.reconcile(assessment.patientId, known.venetoclaxStart().orElse(null));
        return after;
    }

    @Transactional
    public <V> void delete(UUID id, String ifMatch, Function<Assessment, V> view) {
        Assessment assessment = writable(id);
        ETags.requireMatch(ifMatch, assessment.version);
        V before = view.apply(assessment);
        assessments.delete(assessment);
        assessments.flush();
        audit.record(scope.caller(), AuditLog.DELETE, AUDIT_TYPE, assessment.id, assessment.patientId, before, null);
        ledger.reconcile(assessment.patientId);
    }

    /** The assessment, if the caller may see its patient. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Assessment> find(UUID id) {
        return Optional.ofNullable(assessments.findById(id))
                .filter(a -> scope.visible(facts.find(a.patientId), PatientFactsView::siteCode, PatientFactsView::patientId).isPresent());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public <V> Page<V> ofPatient(UUID patientId, int page, int size, Function<Assessment, V> view) {
        readablePatient(patientId);
        var query = assessments.pageOfPatient(patientId).page(io.quarkus.panache.common.Page.of(page, size));
        return new Page<>(query.list().stream().map(view).toList(), page, size, query.count());
    }

    /** Every change to the patient's assessments: who, when, before and after. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> history(UUID patientId) {
        return audit.ofPatient(readablePatient(patientId).patientId());
    }

    /** 404 unless the patient is known here and the caller may read its site. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PatientFactsView readablePatient(UUID patientId) {
        return patients.readable(patientId);
    }

    private Assessment writable(UUID id) {
        Assessment assessment = find(id).orElseThrow(() -> ProblemException.notFound("Assessment", id));
        patients.writable(assessment.patientId);
        assessments.getEntityManager().refresh(assessment);
        return assessment;
    }

    /** 422 for an assessment dated before birth, in the future, after death, or a baseline after the start. */
    private void checkTimeline(PatientFactsView patient, PatientTimeline.Snapshot known, AssessmentInput input) {
        LocalDate date = input.assessmentDate();
        List<Problem.FieldError> errors = new ArrayList<>(patients.dateProblems(patient, "assessmentDate", date,
                known.deathDate()));
        if (input.baseline()) {
            known.venetoclaxStart().filter(date::isAfter).ifPresent(start -> errors.add(
                    new Problem.FieldError("baseline", "a baseline marrow must be dated on or before the venetoclax start ("
                            + start + ")")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolations(errors);
        }
    }

    private static void copy(AssessmentInput in, Assessment a) {
        a.assessmentDate = in.assessmentDate();
        a.cycle = in.cycle();
        a.blastPercent = in.blastPercent();
        a.circulatingBlasts = in.circulatingBlasts();
        a.extramedullaryDisease = in.extramedullaryDisease();
        a.extramedullarySites = in.extramedullarySites() == null ? new ArrayList<>() : new ArrayList<>(in.extramedullarySites());
        a.platelets = in.platelets();
        a.anc = in.anc();
        a.transfusionDependent = in.transfusionDependent();
        a.cellularityPercent = in.cellularityPercent();
        a.cellsCounted = in.cellsCounted();
        a.mrdStatus = in.mrdStatus();
        a.mrdLevelPercent = in.mrdLevelPercent();
        a.baseline = in.baseline();
        a.updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
