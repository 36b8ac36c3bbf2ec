package org.ventrack.pk.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.platform.audit.AuditEntry;
import org.ventrack.platform.audit.AuditLog;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.events.pk.TroughMeasured;
import org.ventrack.platform.outbox.Outbox;
import org.ventrack.platform.patients.PatientAccess;
import org.ventrack.platform.patients.PatientFacts;
import org.ventrack.platform.patients.PatientFactsView;
import org.ventrack.platform.patients.PatientTimeline;
import org.ventrack.platform.problem.Problem;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.rest.ETags;
import org.ventrack.platform.rest.Page;
import org.ventrack.platform.security.CallerScope;
import org.ventrack.pk.config.PkConfig;
import org.ventrack.pk.domain.CoMedication;
import org.ventrack.pk.domain.Cyp3aClass;
import org.ventrack.pk.domain.trough.InteractionFreeReference;
import org.ventrack.pk.domain.trough.PatientContext;
import org.ventrack.pk.domain.trough.TroughJudgement;

/**
 * Records, corrects and deletes venetoclax samples. Each write locks the patient, checks the sample against the
 * patient's timeline, judges it, and writes it with its audit entry, its {@code trough-measured} event and, when a
 * flag calls for it, an alert: all in one transaction. A patient unknown here is a 404, as in response-service.
 */
@ApplicationScoped
public class SampleService {

    static final String AUDIT_TYPE = "pk-sample";

    @Inject
    SampleRepository samples;
    @Inject
    PatientFacts facts;
    @Inject
    PatientAccess patients;
    @Inject
    PatientContexts contexts;
    @Inject
    PatientTimeline timeline;
    @Inject
    Alerts alerts;
    @Inject
    Outbox outbox;
    @Inject
    AuditLog audit;
    @Inject
    CallerScope scope;
    @Inject
    PkConfig config;

    /** @param view maps the stored sample and its judgement while the transaction is open */
    @Transactional
    public <V> V record(SampleInput input, BiFunction<Sample, TroughJudgement, V> view) {
        PatientFactsView patient = patients.writable(input.patientId());
        PatientContext context = checkTimeline(patient, input);
        InteractionFreeReference reference = contexts.reference();
        Sample sample = new Sample();
        sample.id = UUID.randomUUID();
        sample.patientId = patient.patientId();
        sample.createdAt = now();
        copy(input, sample);
        TroughJudgement judgement = judgeForWrite(sample, context, reference);
        samples.persistAndFlush(sample);
        V after = view.apply(sample, judgement);
        audit.record(scope.caller(), AuditLog.CREATE, AUDIT_TYPE, sample.id, sample.patientId, null, after);
        publish(sample, judgement, false);
        alertIfFlagged(patient, sample, judgement, List.of());
        return after;
    }

    @Transactional
    public <V> V correct(UUID id, String ifMatch, SampleInput input, BiFunction<Sample, TroughJudgement, V> view) {
        Sample sample = writable(id);
        ETags.requireMatch(ifMatch, sample.version);
        if (!sample.patientId.equals(input.patientId())) {
            throw ProblemException.unprocessable("patientId", "a sample cannot move to another patient; delete it and "
                    + "record it for the right patient");
        }
        PatientFactsView patient = facts.find(sample.patientId).orElseThrow();
        PatientContext context = checkTimeline(patient, input);
        InteractionFreeReference reference = contexts.reference();
        V before = view.apply(sample, judge(sample, context, reference));
        List<String> flagsBefore = List.copyOf(sample.flags);
        copy(input, sample);
        TroughJudgement judgement = judgeForWrite(sample, context, reference);
        samples.flush();
        V after = view.apply(sample, judgement);
        audit.record(scope.caller(), AuditLog.UPDATE, AUDIT_TYPE, sample.id, sample.patientId, before, after);
        publish(sample, judgement, false);
        alertIfFlagged(patient, sample, judgement, flagsBefore);
        return after;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Sample sample = writable(id);
        ETags.requireMatch(ifMatch, sample.version);
        audit.record(scope.caller(), AuditLog.DELETE, AUDIT_TYPE, sample.id, sample.patientId,
                java.util.Map.of("sampledAt", sample.sampledAt.toString(), "flags", sample.flags), null);
        publish(sample, null, true);
        samples.delete(sample);
    }

    /** The sample and its judgement, if the caller may see its patient. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <V> Optional<V> find(UUID id, BiFunction<Sample, TroughJudgement, V> view) {
        return Optional.ofNullable(samples.findById(id))
                .filter(s -> scope.visible(facts.find(s.patientId), PatientFactsView::siteCode, PatientFactsView::patientId).isPresent())
                .map(s -> view.apply(s, judge(s, contexts.on(s.patientId, s.sampledAt.toLocalDate()).orElse(null),
                        contexts.reference())));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public <V> Page<V> ofPatient(UUID patientId, int page, int size, BiFunction<Sample, TroughJudgement, V> view) {
        readablePatient(patientId);
        var query = samples.ofPatient(patientId).page(io.quarkus.panache.common.Page.of(page, size));
        InteractionFreeReference reference = contexts.reference();
        List<V> items = query.list().stream()
                .map(s -> view.apply(s, judge(s, contexts.on(s.patientId, s.sampledAt.toLocalDate()).orElse(null),
                        reference)))
                .toList();
        return new Page<>(items, page, size, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> history(UUID patientId) {
        return audit.ofPatient(readablePatient(patientId).patientId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PatientFactsView readablePatient(UUID patientId) {
        return patients.readable(patientId);
    }

    /** The judgement, or null when the patient has no venetoclax course any more. */
    private TroughJudgement judge(Sample sample, PatientContext context, InteractionFreeReference reference) {
        return context == null ? null : contexts.judge(sample, context, reference);
    }

    /** Judges the sample being written and keeps what the cohort queries and the events need. */
    private TroughJudgement judgeForWrite(Sample sample, PatientContext context, InteractionFreeReference reference) {
        TroughJudgement judgement = contexts.judge(sample, context, reference);
        sample.doseNormalised = judgement.doseNormalised();
        sample.strongInhibitor = judgement.activeInhibitors().stream().anyMatch(c -> c.cyp3a() == Cyp3aClass.STRONG);
        sample.flags = new ArrayList<>(judgement.flagCodes().stream().map(Enum::name).toList());
        return judgement;
    }

    private void publish(Sample sample, TroughJudgement judgement, boolean withdrawn) {
        outbox.publish(Topics.PK, EventTypes.TROUGH_MEASURED, sample.patientId, new TroughMeasured(sample.patientId,
                sample.id, sample.sampledAt, sample.kind.name(), sample.dailyDoseMg, sample.concentrationNgPerMl,
                judgement == null ? null : judgement.doseNormalised(), judgement != null && judgement.steadyState(),
                judgement == null ? List.of() : judgement.activeInhibitors().stream().map(CoMedication::name).toList(),
                List.copyOf(sample.flags), withdrawn));
    }

    /** An alert when the sample carries an alerting flag it did not carry before. */
    private void alertIfFlagged(PatientFactsView patient, Sample sample, TroughJudgement judgement, List<String> before) {
        List<TroughJudgement.Finding> alerting = judgement.flags().stream()
                .filter(f -> config.alertingFlags().contains(f.flag().name())).toList();
        if (alerting.isEmpty() || alerting.stream().allMatch(f -> before.contains(f.flag().name()))) {
            return;
        }
        alerts.raise(patient.patientId(), patient.siteCode(), Alerts.FLAGGED_SAMPLE, sample.id, null,
                alerting.stream().map(f -> f.flag().name()).toList(),
                alerting.stream().map(TroughJudgement.Finding::reason).toList());
    }

    private Sample writable(UUID id) {
        Sample sample = Optional.ofNullable(samples.findById(id))
                .filter(s -> scope.visible(facts.find(s.patientId), PatientFactsView::siteCode, PatientFactsView::patientId).isPresent())
                .orElseThrow(() -> ProblemException.notFound("Sample", id));
        patients.writable(sample.patientId);
        samples.getEntityManager().refresh(sample);
        return sample;
    }

    /** 422 for a sample before birth, in the future, before venetoclax or after death; the context to judge it in. */
    private PatientContext checkTimeline(PatientFactsView patient, SampleInput input) {
        LocalDate date = input.sampledAt().toLocalDate();
        List<Problem.FieldError> errors = new ArrayList<>();
        PatientTimeline.Snapshot timeline = this.timeline.of(patient.patientId());
        Optional<PatientContext> context = contexts.on(timeline, date);
        if (context.isEmpty()) {
            errors.add(new Problem.FieldError("patientId", "has no venetoclax course recorded yet"));
        } else if (date.isBefore(context.get().venetoclaxStart())) {
            errors.add(new Problem.FieldError("sampledAt", "is before the venetoclax start (" + context.get().venetoclaxStart() + ")"));
        }
        errors.addAll(patients.dateProblems(patient, "sampledAt", date, timeline.deathDate()));
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolations(errors);
        }
        return context.get();
    }

    private static void copy(SampleInput in, Sample s) {
        s.sampledAt = in.sampledAt();
        s.lastDoseAt = in.lastDoseAt();
        s.dailyDoseMg = in.dailyDoseMg();
        s.concentrationNgPerMl = in.concentrationNgPerMl();
        s.lloqNgPerMl = in.lloqNgPerMl();
        s.belowLloq = in.belowLloq();
        s.kind = in.kind();
        s.updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
