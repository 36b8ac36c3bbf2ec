package org.ventrack.patient.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.patient.domain.AdverseEvent;
import org.ventrack.patient.domain.BodyMeasurement;
import org.ventrack.patient.domain.ClinicalEvent;
import org.ventrack.patient.domain.Comedication;
import org.ventrack.patient.domain.Patient;
import org.ventrack.patient.domain.PatientRecord;
import org.ventrack.patient.domain.PatientRecords;
import org.ventrack.patient.domain.TreatmentCourse;
import org.ventrack.patient.domain.timeline.DatedFact;
import org.ventrack.patient.domain.timeline.TimelineRules;
import org.ventrack.patient.domain.timeline.Violation;
import org.ventrack.platform.audit.AuditLog;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.events.patient.RecordDeleted;
import org.ventrack.platform.outbox.Outbox;
import org.ventrack.platform.problem.Problem;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.rest.ETags;
import org.ventrack.platform.security.CallerScope;

/**
 * Every write to a patient's clinical record goes through here, in one transaction: the patient row is locked (so
 * cross-record rules hold under concurrency), the timeline rules are checked, the record is written, audited with
 * its state before and after, and its event is put in the outbox.
 */
@ApplicationScoped
public class RecordKeeper {

    /** The record types, as they appear in audit entries, events and URLs. */
    public static final List<Class<? extends PatientRecord>> TYPES = List.of(BodyMeasurement.class, TreatmentCourse.class,
            Comedication.class, ClinicalEvent.class, AdverseEvent.class);

    @Inject
    PatientRecords records;
    @Inject
    AuditLog audit;
    @Inject
    Outbox outbox;
    @Inject
    CallerScope scope;

    /** The patient, if the caller may see it; 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Patient readable(UUID patientId) {
        return scope.visible(java.util.Optional.ofNullable(records.em().find(Patient.class, patientId)), p -> p.siteCode, p -> p.id)
                .orElseThrow(() -> ProblemException.notFound("Patient", patientId));
    }

    /** The patient, locked for this transaction, if the caller may write it: 404 when unseen, 403 when read-only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Patient writable(UUID patientId) {
        Patient patient = readable(patientId);
        scope.requireWrite(patient.siteCode);
        return records.lockPatient(patientId);
    }

    private <R extends PatientRecord> R find(Class<R> type, Patient patient, UUID id) {
        return records.find(type, patient.id, id).orElseThrow(() -> ProblemException.notFound(label(type), id));
    }

    /** Checks the timeline the change would produce; 422 listing every broken rule. */
    public void checkTimeline(Patient patient, UUID replaced, List<DatedFact> proposed) {
        checkTimeline(timeline(patient), replaced, proposed);
    }

    /** @param current the timeline before the change, read before the entity is modified */
    public void checkTimeline(List<DatedFact> current, UUID replaced, List<DatedFact> proposed) {
        List<Violation> violations = TimelineRules.check(current, replaced, proposed, TimelineRules.latestToday());
        if (!violations.isEmpty()) {
            throw ProblemException.ruleViolations(violations.stream()
                    .map(v -> new Problem.FieldError(v.field(), v.message())).toList());
        }
    }

    public List<DatedFact> timeline(Patient patient) {
        List<DatedFact> facts = new ArrayList<>();
        facts.add(new DatedFact(patient.id, "birthDate", patient.birthDate, DatedFact.Kind.BIRTH));
        for (Class<? extends PatientRecord> type : TYPES) {
            records.of(type, patient.id, "createdAt").forEach(r -> facts.addAll(r.datedFacts()));
        }
        return facts;
    }

    /** The patient's records of one type, oldest first by {@code orderBy}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <R extends PatientRecord, V> List<V> list(UUID patientId, Class<R> type, String orderBy, Function<R, V> view) {
        Patient patient = readable(patientId);
        return records.of(type, patient.id, orderBy).stream().map(view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public <R extends PatientRecord, V> V get(UUID patientId, Class<R> type, UUID id, Function<R, V> view) {
        return view.apply(find(type, readable(patientId), id));
    }

    /** @param build makes the new record from the (locked) patient; may refuse with a ProblemException */
    @Transactional
    public <R extends PatientRecord, V> V create(UUID patientId, Function<Patient, R> build, String eventType,
            Function<R, V> view) {
        Patient patient = writable(patientId);
        R record = build.apply(patient);
        record.id = UUID.randomUUID();
        record.patientId = patient.id;
        record.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        checkTimeline(patient, null, record.datedFacts());
        records.persist(record);
        V after = view.apply(record);
        audit.record(scope.caller(), AuditLog.CREATE, label(type(record)), record.id, patient.id, null, after);
        outbox.publish(Topics.PATIENT, eventType, patient.id, after);
        return after;
    }

    /**
     * @param change    applies the request to the record
     * @param eventType chooses the event from the record before and after the change
     */
    @Transactional
    public <R extends PatientRecord, V> V update(UUID patientId, Class<R> type, UUID id, String ifMatch,
            BiConsumer<Patient, R> change, BiFunction<V, V, String> eventType, Function<R, V> view) {
        Patient patient = writable(patientId);
        R record = find(type, patient, id);
        ETags.requireMatch(ifMatch, record.version);
        V before = view.apply(record);
        List<DatedFact> current = timeline(patient);
        change.accept(patient, record);
        checkTimeline(current, record.id, record.datedFacts());
        records.flush();
        V after = view.apply(record);
        audit.record(scope.caller(), AuditLog.UPDATE, label(type), record.id, patient.id, before, after);
        outbox.publish(Topics.PATIENT, eventType.apply(before, after), patient.id, after);
        return after;
    }

    @Transactional
    public <R extends PatientRecord, V> void delete(UUID patientId, Class<R> type, UUID id, String ifMatch,
            Function<R, V> view) {
        Patient patient = writable(patientId);
        R record = find(type, patient, id);
        ETags.requireMatch(ifMatch, record.version);
        checkTimeline(patient, record.id, List.of());
        V before = view.apply(record);
        records.delete(record);
        audit.record(scope.caller(), AuditLog.DELETE, label(type), record.id, patient.id, before, null);
        outbox.publish(Topics.PATIENT, EventTypes.RECORD_DELETED, patient.id, new RecordDeleted(patient.id, label(type), id));
    }

    @SuppressWarnings("unchecked")
    private static <R extends PatientRecord> Class<R> type(R record) {
        return (Class<R>) org.hibernate.Hibernate.getClass(record);
    }

    /** The regimen of the latest course started on or before {@code date}, or null before venetoclax. */
    public org.ventrack.patient.domain.Regimen regimenAt(Patient patient, java.time.LocalDate date) {
        return records.of(TreatmentCourse.class, patient.id, "startDate").stream()
                .filter(c -> !c.startDate.isAfter(date))
                .reduce((first, second) -> second)
                .map(c -> c.regimen).orElse(null);
    }

    /** measurement, treatment-course, comedication, clinical-event, adverse-event. */
    public static String label(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "BodyMeasurement" -> "measurement";
            case "TreatmentCourse" -> "treatment-course";
            case "Comedication" -> "comedication";
            case "ClinicalEvent" -> "clinical-event";
            case "AdverseEvent" -> "adverse-event";
            default -> type.getSimpleName().toLowerCase();
        };
    }
}
