package org.ventrack.response.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.ventrack.response.domain.criteria.Category;
import org.ventrack.response.domain.criteria.Classification;
import org.ventrack.response.domain.criteria.Marrow;
import org.ventrack.response.domain.criteria.Mrd;
import org.ventrack.response.domain.criteria.ResponseCriteria;

/**
 * A patient's course of response under one criteria set: every assessment after the venetoclax start classified
 * against the baseline marrow, the best overall response (CR &gt; CRh &gt; CRi &gt; MLFS &gt; PR &gt; NR; the
 * earliest assessment reaching it), the first complete remission and a relapse after it. Assessments on or before
 * the start are pre-treatment marrows and are not classified.
 */
public final class ResponseCourse {

    /** One assessment and its result; {@code classification} is null for a pre-treatment marrow. */
    public record ClassifiedMarrow(Marrow marrow, Classification classification) {
        public boolean pretreatment() {
            return classification == null;
        }
    }

    /**
     * @param treatmentFailure     evaluable assessments exist and all are NR
     * @param treatmentFailureDate the last evaluable assessment, when failure is established
     */
    public record Summary(Category bestResponse, LocalDate bestResponseDate, Mrd mrdAtBestResponse,
            boolean treatmentFailure, LocalDate treatmentFailureDate, LocalDate firstCompleteRemissionDate,
            boolean relapseAfterCompleteRemission, LocalDate relapseDate) {

        public boolean responder() {
            return bestResponse.response();
        }
    }

    private final ResponseCriteria criteria;
    private final LocalDate venetoclaxStart;
    private final Optional<BaselineRule.Baseline> baseline;
    private final List<ClassifiedMarrow> assessments;

    private ResponseCourse(ResponseCriteria criteria, LocalDate venetoclaxStart, Optional<BaselineRule.Baseline> baseline,
            List<ClassifiedMarrow> assessments) {
        this.criteria = criteria;
        this.venetoclaxStart = venetoclaxStart;
        this.baseline = baseline;
        this.assessments = assessments;
    }

    /** @param venetoclaxStart null while no course is known: every assessment is then NOT_EVALUABLE */
    public static ResponseCourse of(ResponseCriteria criteria, BaselineRule rule, LocalDate venetoclaxStart,
            List<Marrow> marrows) {
        List<Marrow> byDate = marrows.stream().sorted(Comparator.comparing(Marrow::date)
                .thenComparing(m -> m.id() == null ? "" : m.id().toString())).toList();
        Optional<BaselineRule.Baseline> baseline = rule.select(byDate, venetoclaxStart);
        BigDecimal baselineBlasts = baseline.map(b -> b.marrow().blastPercent()).orElse(null);
        List<ClassifiedMarrow> classified = new ArrayList<>();
        for (Marrow marrow : byDate) {
            if (venetoclaxStart == null) {
                classified.add(new ClassifiedMarrow(marrow, new Classification(criteria.name(), criteria.version(),
                        Category.NOT_EVALUABLE, false, List.of(), List.of("venetoclaxStart"))));
            } else if (marrow.date().isAfter(venetoclaxStart)) {
                classified.add(new ClassifiedMarrow(marrow, criteria.classify(marrow, baselineBlasts)));
            } else {
                classified.add(new ClassifiedMarrow(marrow, null));
            }
        }
        return new ResponseCourse(criteria, venetoclaxStart, baseline, List.copyOf(classified));
    }

    public ResponseCriteria criteria() {
        return criteria;
    }

    public LocalDate venetoclaxStart() {
        return venetoclaxStart;
    }

    public Optional<BaselineRule.Baseline> baseline() {
        return baseline;
    }

    /** Every assessment, earliest first. */
    public List<ClassifiedMarrow> assessments() {
        return assessments;
    }

    public Summary summary() {
        ClassifiedMarrow best = null;
        ClassifiedMarrow lastEvaluable = null;
        ClassifiedMarrow firstRemission = null;
        ClassifiedMarrow relapse = null;
        for (ClassifiedMarrow a : assessments) {
            if (a.pretreatment()) {
                continue;
            }
            // a relapse shows in the marrow even when the counts needed to classify it are missing
            if (firstRemission != null && relapse == null && criteria.relapse(a.marrow())) {
                relapse = a;
            }
            Category category = a.classification().category();
            if (!category.evaluable()) {
                continue;
            }
            lastEvaluable = a;
            if (best == null || category.betterThan(best.classification().category())) {
                best = a;
            }
            if (firstRemission == null && category.completeRemission()) {
                firstRemission = a;
            }
        }
        if (best == null) {
            return new Summary(Category.NOT_EVALUABLE, null, null, false, null, null, false, null);
        }
        Category bestCategory = best.classification().category();
        boolean failure = bestCategory == Category.NR;
        return new Summary(bestCategory, best.marrow().date(), best.marrow().mrd(), failure,
                failure ? lastEvaluable.marrow().date() : null,
                firstRemission == null ? null : firstRemission.marrow().date(),
                relapse != null, relapse == null ? null : relapse.marrow().date());
    }
}
