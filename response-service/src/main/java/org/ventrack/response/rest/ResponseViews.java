package org.ventrack.response.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.ventrack.response.domain.BaselineRule;
import org.ventrack.response.domain.ResponseCourse;
import org.ventrack.response.domain.criteria.Category;
import org.ventrack.response.domain.criteria.Classification;
import org.ventrack.response.domain.criteria.Mrd;
import org.ventrack.response.domain.criteria.Reason;
import org.ventrack.response.domain.rates.Distribution;
import org.ventrack.response.domain.rates.ResponseRates.GroupRates;

import com.fasterxml.jackson.databind.JsonNode;

/** The API's views of responses, mapped from the domain in one place. */
final class ResponseViews {

    private ResponseViews() {
    }

    /** How an assessment takes part in the course. */
    enum Role {
        /** the baseline marrow blasts are measured against (on or before the venetoclax start) */
        BASELINE,
        /** another marrow on or before the venetoclax start */
        PRE_TREATMENT,
        /** after the venetoclax start: classified */
        RESPONSE
    }

    record BaselineView(UUID assessmentId, LocalDate assessmentDate, BigDecimal blastPercent, String rule) {
    }

    record ClassificationView(Category category, String label, boolean mrdNegative, List<Reason> reasons,
            List<String> missing) {
    }

    record AssessmentResponse(UUID assessmentId, LocalDate assessmentDate, Role role, ClassificationView classification) {
    }

    record BestResponseView(Category category, String label, LocalDate date, boolean responder, Mrd mrdAtBestResponse,
            boolean treatmentFailure, LocalDate treatmentFailureDate, LocalDate firstCompleteRemissionDate,
            boolean relapseAfterCompleteRemission, LocalDate relapseDate) {
    }

    record PatientResponses(UUID patientId, String criteria, String criteriaVersion, LocalDate venetoclaxStart,
            BaselineView baseline, List<AssessmentResponse> assessments, BestResponseView bestResponse) {
    }

    record RatesView(String criteria, String criteriaVersion, String groupBy, List<GroupRates> groups) {
    }

    /** A stored result, current or superseded. */
    record StoredClassificationView(String criteria, String criteriaVersion, Category category, boolean mrdNegative,
            JsonNode reasons, JsonNode missing, UUID baselineAssessmentId, OffsetDateTime classifiedAt,
            OffsetDateTime supersededAt, boolean current) {
    }

    static PatientResponses of(UUID patientId, ResponseCourse course) {
        UUID baselineId = course.baseline().map(b -> b.marrow().id()).orElse(null);
        List<AssessmentResponse> assessments = course.assessments().stream().map(a -> new AssessmentResponse(
                a.marrow().id(), a.marrow().date(),
                a.pretreatment() ? (a.marrow().id().equals(baselineId) ? Role.BASELINE : Role.PRE_TREATMENT) : Role.RESPONSE,
                a.pretreatment() ? null : of(a.classification()))).toList();
        ResponseCourse.Summary s = course.summary();
        return new PatientResponses(patientId, course.criteria().name(), course.criteria().version(),
                course.venetoclaxStart(), course.baseline().map(ResponseViews::of).orElse(null), assessments,
                new BestResponseView(s.bestResponse(), s.bestResponse().label(), s.bestResponseDate(), s.responder(),
                        s.mrdAtBestResponse(), s.treatmentFailure(), s.treatmentFailureDate(),
                        s.firstCompleteRemissionDate(), s.relapseAfterCompleteRemission(), s.relapseDate()));
    }

    private static BaselineView of(BaselineRule.Baseline b) {
        return new BaselineView(b.marrow().id(), b.marrow().date(), Distribution.plain(b.marrow().blastPercent()), b.rule());
    }

    private static ClassificationView of(Classification c) {
        return new ClassificationView(c.category(), c.category().label(), c.mrdNegative(), c.reasons(), c.missing());
    }
}
