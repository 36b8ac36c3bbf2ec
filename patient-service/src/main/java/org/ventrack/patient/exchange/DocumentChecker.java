package org.ventrack.patient.exchange;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ventrack.patient.domain.AdverseEvent;
import org.ventrack.patient.domain.BodyMeasurement;
import org.ventrack.patient.domain.ClinicalEvent;
import org.ventrack.patient.domain.Comedication;
import org.ventrack.patient.domain.Patient;
import org.ventrack.patient.domain.PatientRecord;
import org.ventrack.patient.domain.PatientRecords;
import org.ventrack.patient.domain.Regimen;
import org.ventrack.patient.domain.TreatmentCourse;
import org.ventrack.patient.domain.timeline.DatedFact;
import org.ventrack.patient.domain.timeline.TimelineRules;
import org.ventrack.patient.domain.timeline.Violation;
import org.ventrack.patient.rest.PatientRequest;
import org.ventrack.patient.rest.Requests;
import org.ventrack.patient.service.AdverseEventTerms;
import org.ventrack.patient.service.KnownSites;
import org.ventrack.platform.problem.Problem;
import org.ventrack.platform.problem.ProblemException;

/**
 * Checks patient documents with the rules of patient-service's REST API (Bean Validation of the request bodies, their
 * cross-field checks, the CTCAE term list, the site, the caller's write scope and the timeline rules over the stored
 * record plus the document) and plans the writes. Records are taken in date order, as a site would have posted them,
 * so an adverse event is judged after the course that started before it. Several documents for one patient in one
 * call see each other's records.
 */
@ApplicationScoped
class DocumentChecker {

    @Inject
    ObjectMapper mapper;
    @Inject
    Validator validator;
    @Inject
    KnownSites sites;
    @Inject
    AdverseEventTerms terms;
    @Inject
    PatientRecords records;

    private final Map<Class<?>, com.fasterxml.jackson.databind.ObjectReader> readers = new java.util.concurrent.ConcurrentHashMap<>();

    /** A patient's record as the checks see it: stored plus accepted so far in this call. */
    private static final class PatientState {
        final UUID id;
        final boolean stored;
        final List<DatedFact> timeline = new ArrayList<>();
        final Map<Section, Set<String>> keys = new HashMap<>();
        final List<TreatmentCourse> courses = new ArrayList<>();

        PatientState(UUID id, boolean stored) {
            this.id = id;
            this.stored = stored;
        }

        Set<String> keys(Section section) {
            return keys.computeIfAbsent(section, s -> new HashSet<>());
        }
    }

    private record Candidate(Section section, int index, JsonNode body, LocalDate date) {
    }

    /** @param lock lock stored patients' rows for the transaction (not for a dry run) */
    List<LocalPlan> check(List<PatientDocument> documents, ImportCaller caller, boolean lock) {
        Map<String, PatientState> states = loadStored(documents, lock);
        List<LocalPlan> plans = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            plans.add(check(i, documents.get(i), caller, states));
        }
        return plans;
    }

    private LocalPlan check(int index, PatientDocument document, ImportCaller caller, Map<String, PatientState> states) {
        LocalPlan plan = new LocalPlan(index, document.siteCode(), document.upn());
        String patientKey = "siteCode=" + plan.siteCode + ", upn=" + plan.upn;
        PatientState state = checkPatient(document, caller, states, plan, patientKey);
        if (state == null) {
            rejectAll(document, plan, "the document's patient was rejected");
            return plan;
        }
        plan.patientId = state.id;
        List<Candidate> candidates = new ArrayList<>();
        for (Section section : Section.RECORDS) {
            List<JsonNode> list = document.records(section);
            for (int i = 0; i < list.size(); i++) {
                candidates.add(new Candidate(section, i, list.get(i), dateOf(list.get(i), section)));
            }
        }
        // undated (malformed) records first: they are rejected whatever comes before them
        candidates.sort(Comparator.comparing(Candidate::date, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(c -> Section.RECORDS.indexOf(c.section())).thenComparing(Candidate::index));
        for (Candidate candidate : candidates) {
            if (candidate.section().local()) {
                checkLocal(candidate, state, plan);
            } else {
                checkPeer(candidate, state, plan);
            }
        }
        return plan;
    }

    private PatientState checkPatient(PatientDocument document, ImportCaller caller, Map<String, PatientState> states,
            LocalPlan plan, String key) {
        if (plan.siteCode == null || plan.siteCode.isBlank() || plan.upn == null || plan.upn.isBlank()) {
            reject(plan, Section.PATIENT, 0, key, "patient." + (plan.siteCode == null || plan.siteCode.isBlank() ? "siteCode" : "upn"),
                    "is required");
            return null;
        }
        if (!caller.canWrite(plan.siteCode)) {
            reject(plan, Section.PATIENT, 0, key, "patient.siteCode", "you may not write data of site " + plan.siteCode);
            return null;
        }
        PatientState existing = states.get(stateKey(plan.siteCode, plan.upn));
        if (document.patientIsReference()) {
            if (existing == null) {
                reject(plan, Section.PATIENT, 0, key, "patient.upn", "no patient " + plan.upn + " at site " + plan.siteCode
                        + "; register the patient first (patients template or a document with the whole patient)");
                return null;
            }
            plan.outcomes.add(RecordOutcome.of(Section.PATIENT, 0, key, RecordOutcome.Status.UNCHANGED));
            return existing;
        }
        PatientRequest request;
        try {
            request = bind(document.patient(), PatientRequest.class, "patient");
            request.check();
        } catch (ProblemException e) {
            reject(plan, Section.PATIENT, 0, key, e.problem(), "patient");
            return null;
        }
        if (!sites.exists(request.siteCode())) {
            reject(plan, Section.PATIENT, 0, key, "patient.siteCode", "site " + request.siteCode() + " does not exist");
            return null;
        }
        if (existing != null) {
            // an import registers patients; it never changes a registered one (PUT /patients/{id} does, with If-Match)
            plan.outcomes.add(RecordOutcome.of(Section.PATIENT, 0, key, RecordOutcome.Status.UNCHANGED));
            return existing;
        }
        Patient patient = newPatient(request);
        List<Violation> violations = TimelineRules.check(List.of(), null,
                List.of(new DatedFact(patient.id, "birthDate", patient.birthDate, DatedFact.Kind.BIRTH)), TimelineRules.latestToday());
        if (!violations.isEmpty()) {
            reject(plan, Section.PATIENT, 0, key, "patient." + violations.get(0).field(), messages(violations));
            return null;
        }
        PatientState state = new PatientState(patient.id, false);
        state.timeline.add(new DatedFact(patient.id, "birthDate", patient.birthDate, DatedFact.Kind.BIRTH));
        states.put(stateKey(plan.siteCode, plan.upn), state);
        plan.newPatient = patient;
        plan.outcomes.add(RecordOutcome.of(Section.PATIENT, 0, key, RecordOutcome.Status.VALID));
        return state;
    }

    private void checkLocal(Candidate c, PatientState state, LocalPlan plan) {
        String prefix = c.section().jsonName() + "[" + c.index() + "]";
        PatientRecord record;
        try {
            record = build(c.section(), c.body(), prefix, state);
        } catch (ProblemException e) {
            reject(plan, c.section(), c.index(), keyText(c.section(), c.body()), e.problem(), prefix);
            return;
        }
        String key = naturalKey(record);
        if (state.keys(c.section()).contains(key)) {
            plan.outcomes.add(RecordOutcome.of(c.section(), c.index(), key, RecordOutcome.Status.UNCHANGED));
            return;
        }
        record.id = UUID.randomUUID();
        record.patientId = state.id;
        record.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        List<Violation> violations = TimelineRules.check(state.timeline, null, record.datedFacts(), TimelineRules.latestToday());
        if (!violations.isEmpty()) {
            reject(plan, c.section(), c.index(), key, prefix + "." + violations.get(0).field(), messages(violations));
            return;
        }
        state.timeline.addAll(record.datedFacts());
        state.keys(c.section()).add(key);
        if (record instanceof TreatmentCourse course) {
            state.courses.add(course);
        }
        plan.writes.add(new LocalPlan.Write(c.section(), c.index(), key, record));
        plan.outcomes.add(RecordOutcome.of(c.section(), c.index(), key, RecordOutcome.Status.VALID));
    }

    /** What can be checked here of a peer's record: its shape and its date; its owner checks the rest. */
    private void checkPeer(Candidate c, PatientState state, LocalPlan plan) {
        String prefix = c.section().jsonName() + "[" + c.index() + "]";
        String key = keyText(c.section(), c.body());
        if (!c.body().isObject()) {
            reject(plan, c.section(), c.index(), key, prefix, "must be an object");
            return;
        }
        if (c.body().has("patientId")) {
            reject(plan, c.section(), c.index(), key, prefix + ".patientId", "is not part of a patient document (the patient is named by site and UPN)");
            return;
        }
        if (c.date() == null) {
            reject(plan, c.section(), c.index(), key, prefix + "." + c.section().dateField(),
                    "is required, as an ISO-8601 " + (c.section() == Section.PK_SAMPLES ? "date-time" : "date"));
            return;
        }
        if (!state.keys(c.section()).add(key)) {
            plan.outcomes.add(RecordOutcome.of(c.section(), c.index(), key, RecordOutcome.Status.UNCHANGED));
            return;
        }
        plan.peerRecords.add(new LocalPlan.PeerRecord(c.section(), c.index(), key, c.body()));
        plan.outcomes.add(RecordOutcome.of(c.section(), c.index(), key, RecordOutcome.Status.VALID));
    }

    private PatientRecord build(Section section, JsonNode body, String prefix, PatientState state) {
        return switch (section) {
            case MEASUREMENTS -> {
                Requests.Measurement r = bind(body, Requests.Measurement.class, prefix);
                BodyMeasurement m = new BodyMeasurement();
                m.measuredOn = r.measuredOn();
                m.weightKg = r.weightKg();
                m.heightCm = r.heightCm();
                yield m;
            }
            case COMEDICATIONS -> {
                Requests.Comedication r = bind(body, Requests.Comedication.class, prefix);
                r.check();
                yield r.applyTo(new Comedication());
            }
            case TREATMENT_COURSES -> {
                Requests.TreatmentCourse r = bind(body, Requests.TreatmentCourse.class, prefix);
                r.check();
                yield r.applyTo(new TreatmentCourse());
            }
            case ADVERSE_EVENTS -> {
                Requests.AdverseEvent r = bind(body, Requests.AdverseEvent.class, prefix);
                AdverseEvent e = new AdverseEvent();
                e.term = terms.canonical(r.term());
                e.grade = r.grade();
                e.onsetDate = r.onsetDate();
                e.serious = r.serious();
                e.attribution = r.attribution();
                e.regimen = regimenAt(state, r.onsetDate());
                yield e;
            }
            case CLINICAL_EVENTS -> {
                Requests.ClinicalEvent r = bind(body, Requests.ClinicalEvent.class, prefix);
                r.check();
                yield r.applyTo(new ClinicalEvent());
            }
            default -> throw new IllegalArgumentException(section + " is not patient-service's");
        };
    }

    private static Regimen regimenAt(PatientState state, LocalDate date) {
        return state.courses.stream().filter(c -> !c.startDate.isAfter(date))
                .max(Comparator.comparing((TreatmentCourse c) -> c.startDate)).map(c -> c.regimen).orElse(null);
    }

    /** Binds and validates like the REST API; a problem names the field with {@code prefix}. */
    <T> T bind(JsonNode body, Class<T> type, String prefix) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid(prefix, "must be an object");
        }
        T value;
        try {
            value = readers.computeIfAbsent(type, t -> mapper.readerFor(t)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).readValue(body);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                    ? "is not a known field"
                    : "has the wrong type or format" + (e.getOriginalMessage() == null ? ""
                            : expected(e));
            throw ProblemException.invalid(field.isEmpty() ? "" : field, message);
        } catch (java.io.IOException e) {
            throw ProblemException.invalid("", "unreadable: " + e.getMessage());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw ProblemException.ruleViolations(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage())).toList());
        }
        return value;
    }

    private static String expected(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid && invalid.getTargetType() != null) {
            Class<?> target = invalid.getTargetType();
            if (target.isEnum()) {
                return ": expected one of " + java.util.Arrays.toString(target.getEnumConstants());
            }
            return ": expected " + simpleType(target);
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return ": expected " + simpleType(mismatched.getTargetType());
        }
        return "";
    }

    private static String simpleType(Class<?> type) {
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == LocalDateTime.class) {
            return "a date-time (YYYY-MM-DDThh:mm)";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return type == String.class ? "text" : "an object";
    }

    private Map<String, PatientState> loadStored(List<PatientDocument> documents, boolean lock) {
        Set<String> upns = documents.stream().map(PatientDocument::upn).filter(u -> u != null).collect(Collectors.toSet());
        Map<String, PatientState> states = new HashMap<>();
        if (upns.isEmpty()) {
            return states;
        }
        Set<String> wanted = documents.stream().map(d -> stateKey(d.siteCode(), d.upn())).collect(Collectors.toSet());
        List<Patient> found = records.em()
                .createQuery("from Patient where upn in :upns order by id", Patient.class)
                .setParameter("upns", upns)
                .setLockMode(lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .getResultList().stream().filter(p -> wanted.contains(stateKey(p.siteCode, p.upn))).toList();
        if (found.isEmpty()) {
            return states;
        }
        Map<UUID, PatientState> byId = new LinkedHashMap<>();
        for (Patient p : found) {
            PatientState state = new PatientState(p.id, true);
            state.timeline.add(new DatedFact(p.id, "birthDate", p.birthDate, DatedFact.Kind.BIRTH));
            byId.put(p.id, state);
            states.put(stateKey(p.siteCode, p.upn), state);
        }
        for (Section section : List.of(Section.MEASUREMENTS, Section.COMEDICATIONS, Section.TREATMENT_COURSES,
                Section.ADVERSE_EVENTS, Section.CLINICAL_EVENTS)) {
            for (PatientRecord r : records.ofPatients(entityType(section), byId.keySet(), "createdAt")) {
                PatientState state = byId.get(r.patientId);
                state.timeline.addAll(r.datedFacts());
                state.keys(section).add(naturalKey(r));
                if (r instanceof TreatmentCourse course) {
                    state.courses.add(course);
                }
            }
        }
        return states;
    }

    static Class<? extends PatientRecord> entityType(Section section) {
        return switch (section) {
            case MEASUREMENTS -> BodyMeasurement.class;
            case COMEDICATIONS -> Comedication.class;
            case TREATMENT_COURSES -> TreatmentCourse.class;
            case ADVERSE_EVENTS -> AdverseEvent.class;
            case CLINICAL_EVENTS -> ClinicalEvent.class;
            default -> throw new IllegalArgumentException(section + " is not patient-service's");
        };
    }

    /** The natural key of a stored or planned record, e.g. {@code startDate=2022-05-02}. */
    static String naturalKey(PatientRecord record) {
        if (record instanceof BodyMeasurement m) {
            return "measuredOn=" + m.measuredOn;
        }
        if (record instanceof Comedication c) {
            return "drug=" + c.drug.toLowerCase(java.util.Locale.ROOT) + ", startDate=" + c.startDate;
        }
        if (record instanceof TreatmentCourse c) {
            return "startDate=" + c.startDate;
        }
        if (record instanceof AdverseEvent e) {
            return "term=" + e.term + ", onsetDate=" + e.onsetDate + ", grade=" + e.grade;
        }
        if (record instanceof ClinicalEvent e) {
            return "kind=" + e.kind + ", date=" + e.eventDate;
        }
        throw new IllegalArgumentException(record.getClass().getName());
    }

    /** The natural key as the document spells it (before binding), for reports and peer records. */
    static String keyText(Section section, JsonNode body) {
        if (body == null || !body.isObject()) {
            return "";
        }
        return section.naturalKey().stream().map(f -> f + "=" + normalise(body.path(f).asText(""))).collect(Collectors.joining(", "));
    }

    /** {@code 2022-05-12T08:00} and {@code 2022-05-12T08:00:00} are one sampling time. */
    private static String normalise(String value) {
        if (value.length() > 10 && value.charAt(10) == 'T') {
            try {
                return LocalDateTime.parse(value).toString();
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }

    private static LocalDate dateOf(JsonNode body, Section section) {
        if (body == null || !body.isObject()) {
            return null;
        }
        String text = body.path(section.dateField()).asText("");
        try {
            return text.length() > 10 ? LocalDateTime.parse(text).toLocalDate() : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Patient newPatient(PatientRequest request) {
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        request.applyTo(patient);
        patient.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        patient.updatedAt = patient.createdAt;
        return patient;
    }

    private static void rejectAll(PatientDocument document, LocalPlan plan, String reason) {
        for (Section section : Section.RECORDS) {
            List<JsonNode> list = document.records(section);
            for (int i = 0; i < list.size(); i++) {
                plan.outcomes.add(RecordOutcome.rejected(section, i, keyText(section, list.get(i)), "patient", reason));
            }
        }
    }

    private static void reject(LocalPlan plan, Section section, int index, String key, String field, String reason) {
        plan.outcomes.add(RecordOutcome.rejected(section, index, key, field, reason));
    }

    private static void reject(LocalPlan plan, Section section, int index, String key, Problem problem, String prefix) {
        List<Problem.FieldError> errors = problem.errors();
        if (errors == null || errors.isEmpty()) {
            reject(plan, section, index, key, prefix, problem.detail());
            return;
        }
        String first = qualify(prefix, errors.get(0).field());
        String reason = errors.size() == 1 ? errors.get(0).message()
                : errors.stream().map(e -> qualify(prefix, e.field()) + " " + e.message()).collect(Collectors.joining("; "));
        reject(plan, section, index, key, first, reason);
    }

    private static String qualify(String prefix, String field) {
        if (field == null || field.isEmpty()) {
            return prefix;
        }
        return field.startsWith(prefix) ? field : prefix + "." + field;
    }

    private static String messages(List<Violation> violations) {
        return violations.stream().map(Violation::message).collect(Collectors.joining("; "));
    }

    private static String stateKey(String site, String upn) {
        return site + "\u0000" + upn;
    }
}
