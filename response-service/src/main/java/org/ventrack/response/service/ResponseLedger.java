package org.ventrack.response.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.events.response.AssessmentClassified;
import org.ventrack.platform.events.response.BestResponseChanged;
import org.ventrack.platform.outbox.Outbox;
import org.ventrack.platform.patients.PatientTimeline;
import org.ventrack.response.config.ResponseConfig;
import org.ventrack.response.domain.BaselineRule;
import org.ventrack.response.domain.ResponseCourse;
import org.ventrack.response.domain.criteria.Classification;
import org.ventrack.response.domain.criteria.CriteriaSets;
import org.ventrack.response.domain.criteria.Marrow;
import org.ventrack.response.domain.criteria.ResponseCriteria;
import org.ventrack.response.service.ResponseStore.StoredBestResponse;
import org.ventrack.response.service.ResponseStore.StoredClassification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps the stored results equal to what the criteria say of the patient's current data. Called in the transaction
 * of every change that can move a result: an assessment written, corrected or deleted, a venetoclax course started,
 * corrected or deleted. Under every criteria set it re-derives the baseline and each classification; a result that
 * changed supersedes the stored one (kept as history) and is published as {@code assessment-classified}; a changed
 * best response is published as {@code best-response-changed}. Nothing that did not change is published again.
 */
@ApplicationScoped
public class ResponseLedger {

    @Inject
    AssessmentRepository assessments;
    @Inject
    PatientTimeline timeline;
    @Inject
    ResponseStore store;
    @Inject
    Outbox outbox;
    @Inject
    ResponseConfig config;
    @Inject
    ObjectMapper json;

    /** The patient's response course under {@code criteria}, from the data as it stands. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResponseCourse course(UUID patientId, ResponseCriteria criteria) {
        List<Marrow> marrows = assessments.ofPatient(patientId).stream().map(Assessment::marrow).toList();
        return course(criteria, timeline.venetoclaxStart(patientId).orElse(null), marrows);
    }

    /** Re-derives and stores every result of the patient; the caller holds the patient's lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reconcile(UUID patientId) {
        reconcile(patientId, timeline.venetoclaxStart(patientId).orElse(null));
    }

    /**
     * As {@link #reconcile(UUID)}, with the venetoclax start the caller read after taking the patient's lock (null
     * without a course).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reconcile(UUID patientId, LocalDate start) {
        List<Marrow> marrows = assessments.ofPatient(patientId).stream().map(Assessment::marrow).toList();
        Map<String, Map<UUID, StoredClassification>> classifications = store.current(patientId);
        Map<String, StoredBestResponse> bestResponses = store.bestResponses(patientId);
        ResponseStore.ClassificationChanges changes = new ResponseStore.ClassificationChanges();
        for (ResponseCriteria criteria : CriteriaSets.ALL) {
            ResponseCourse course = course(criteria, start, marrows);
            reconcileClassifications(patientId, course,
                    classifications.getOrDefault(criteria.name(), new java.util.HashMap<>()), changes);
            reconcileBestResponse(patientId, course, Optional.ofNullable(bestResponses.get(criteria.name())));
        }
        store.apply(changes);
    }

    private ResponseCourse course(ResponseCriteria criteria, LocalDate start, List<Marrow> marrows) {
        return ResponseCourse.of(criteria, new BaselineRule(config.baselineWindowDays()), start, marrows);
    }

    /** @param stored the current classifications under the course's criteria set, by assessment (consumed) */
    private void reconcileClassifications(UUID patientId, ResponseCourse course, Map<UUID, StoredClassification> stored,
            ResponseStore.ClassificationChanges changes) {
        Optional<Marrow> baseline = course.baseline().map(BaselineRule.Baseline::marrow);
        for (ResponseCourse.ClassifiedMarrow a : course.assessments()) {
            StoredClassification previous = stored.remove(a.marrow().id());
            if (a.pretreatment()) {
                withdraw(previous, a.marrow().date(), changes);
                continue;
            }
            Classification c = a.classification();
            UUID baselineId = baseline.map(Marrow::id).orElse(null);
            JsonNode reasons = json.valueToTree(c.reasons());
            JsonNode missing = json.valueToTree(c.missing());
            if (previous != null && previous.criteriaVersion().equals(c.criteriaVersion())
                    && previous.category().equals(c.category().name()) && previous.mrdNegative() == c.mrdNegative()
                    && Objects.equals(previous.baselineAssessmentId(), baselineId)
                    && sameJson(previous.reasons(), reasons) && sameJson(previous.missing(), missing)) {
                continue;
            }
            if (previous != null) {
                changes.supersede(previous.id());
            }
            changes.insert(a.marrow().id(), patientId, c.criteria(), c.criteriaVersion(), c.category().name(),
                    c.mrdNegative(), write(reasons), write(missing), baselineId);
            outbox.publish(Topics.RESPONSE, EventTypes.ASSESSMENT_CLASSIFIED, patientId,
                    new AssessmentClassified(patientId, a.marrow().id(), a.marrow().date(), c.criteria(),
                            c.criteriaVersion(), c.category().name(), c.mrdNegative(), baselineId,
                            baseline.map(Marrow::blastPercent).orElse(null), false));
        }
        // what is left belongs to deleted assessments
        stored.values().forEach(previous -> withdraw(previous, null, changes));
    }

    /** The assessment was deleted or is now a pre-treatment marrow: its result no longer counts. */
    private void withdraw(StoredClassification previous, LocalDate date, ResponseStore.ClassificationChanges changes) {
        if (previous == null) {
            return;
        }
        changes.supersede(previous.id());
        outbox.publish(Topics.RESPONSE, EventTypes.ASSESSMENT_CLASSIFIED, previous.patientId(),
                new AssessmentClassified(previous.patientId(), previous.assessmentId(), date, previous.criteria(),
                        previous.criteriaVersion(), previous.category(), previous.mrdNegative(),
                        previous.baselineAssessmentId(), null, true));
    }

    private void reconcileBestResponse(UUID patientId, ResponseCourse course, Optional<StoredBestResponse> previous) {
        ResponseCriteria criteria = course.criteria();
        ResponseCourse.Summary s = course.summary();
        StoredBestResponse next = new StoredBestResponse(patientId, criteria.name(), criteria.version(),
                s.bestResponse().name(), s.bestResponseDate(), s.mrdAtBestResponse() == null ? null : s.mrdAtBestResponse().name(),
                s.treatmentFailure(), s.treatmentFailureDate(), s.firstCompleteRemissionDate(),
                s.relapseAfterCompleteRemission(), s.relapseDate(),
                course.baseline().map(b -> b.marrow().blastPercent()).orElse(null));
        if (previous.isEmpty() && course.assessments().isEmpty()
                || previous.map(p -> samePublishedFields(p, next) && sameBaseline(p, next)).orElse(false)) {
            return;
        }
        store.save(next);
        // a baseline marrow alone is news too: Table 1 reports the blasts before venetoclax of every patient
        boolean news = previous.isEmpty() || !samePublishedFields(previous.get(), next) || !sameBaseline(previous.get(), next);
        if (news) {
            outbox.publish(Topics.RESPONSE, EventTypes.BEST_RESPONSE_CHANGED, patientId,
                    new BestResponseChanged(patientId, next.criteria(), next.criteriaVersion(), next.bestResponse(),
                            next.bestResponseDate(), s.responder(), next.mrdAtBestResponse(), next.treatmentFailure(),
                            next.treatmentFailureDate(), next.firstCompleteRemissionDate(),
                            next.relapseAfterCompleteRemission(), next.relapseDate(), next.baselineBlastPercent()));
        }
    }

    private static boolean samePublishedFields(StoredBestResponse a, StoredBestResponse b) {
        return a.withBaseline(null).equals(b.withBaseline(null));
    }

    /** Compared by value: PostgreSQL's NUMERIC column changes the scale. */
    private static boolean sameBaseline(StoredBestResponse a, StoredBestResponse b) {
        return a.baselineBlastPercent() == null ? b.baselineBlastPercent() == null
                : b.baselineBlastPercent() != null && a.baselineBlastPercent().compareTo(b.baselineBlastPercent()) == 0;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a classification as JSON", e);
        }
    }

    private boolean sameJson(String stored, JsonNode fresh) {
        try {
            return json.readTree(stored).equals(fresh);
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
