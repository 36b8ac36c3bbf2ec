package org.ventrack.response.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ventrack.response.domain.criteria.Category;
import org.ventrack.response.domain.criteria.Cousson2025;
import org.ventrack.response.domain.criteria.Eln2022;
import org.ventrack.response.domain.criteria.Marrow;
import org.ventrack.response.domain.criteria.Mrd;

class ResponseCourseTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 15);
    private static final BaselineRule RULE = new BaselineRule(28);

    private static Marrow marrow(int day, String blasts, String platelets, String anc, Mrd mrd, Boolean emd) {
        return new Marrow(UUID.randomUUID(), START.plusDays(day), blasts == null ? null : new BigDecimal(blasts), false,
                emd, platelets == null ? null : new BigDecimal(platelets), anc == null ? null : new BigDecimal(anc),
                new BigDecimal("40"), null, mrd, false);
    }

    @Test
    void theBestResponseIsTheBestCategoryReachedFirst() {
        Marrow baseline = marrow(-3, "40", "30", "0.2", null, false);
        Marrow pr = marrow(28, "15", "50", "0.5", null, false);
        Marrow cri = marrow(56, "3", "60", "1.0", Mrd.POSITIVE, false);
        Marrow cr = marrow(84, "2", "150", "2", Mrd.NEGATIVE, false);
        Marrow cr2 = marrow(112, "1", "160", "2", Mrd.POSITIVE, false);
        ResponseCourse course = ResponseCourse.of(new Cousson2025(), RULE, START, List.of(cr2, cri, baseline, pr, cr));

        assertEquals(baseline, course.baseline().orElseThrow().marrow());
        assertTrue(course.assessments().get(0).pretreatment());
        var summary = course.summary();
        assertEquals(Category.CR, summary.bestResponse());
        assertEquals(cr.date(), summary.bestResponseDate());
        assertEquals(Mrd.NEGATIVE, summary.mrdAtBestResponse());
        assertEquals(cri.date(), summary.firstCompleteRemissionDate());
        assertFalse(summary.treatmentFailure());
        assertFalse(summary.relapseAfterCompleteRemission());
        assertTrue(summary.responder());
    }

    @Test
    void aRelapseAfterCompleteRemissionIsDatedEvenWhenItsCountsAreMissing() {
        Marrow baseline = marrow(-1, "30", null, null, null, false);
        Marrow cr = marrow(28, "2", "150", "2", Mrd.NEGATIVE, false);
        Marrow relapse = marrow(120, "35", null, null, null, false);
        var summary = ResponseCourse.of(new Cousson2025(), RULE, START, List.of(baseline, cr, relapse)).summary();
        assertTrue(summary.relapseAfterCompleteRemission());
        assertEquals(relapse.date(), summary.relapseDate());
        assertEquals(Category.CR, summary.bestResponse());
    }

    @Test
    void treatmentFailureWhenEveryEvaluableAssessmentIsNonResponse() {
        Marrow baseline = marrow(0, "30", null, null, null, false);
        Marrow nr1 = marrow(28, "35", null, null, null, false);
        Marrow notEvaluable = marrow(40, null, "100", "1", null, false);
        Marrow nr2 = marrow(56, "45", null, null, null, false);
        var summary = ResponseCourse.of(new Cousson2025(), RULE, START, List.of(baseline, nr1, notEvaluable, nr2)).summary();
        assertEquals(Category.NR, summary.bestResponse());
        assertTrue(summary.treatmentFailure());
        assertEquals(nr2.date(), summary.treatmentFailureDate());
        assertFalse(summary.responder());
    }

    @Test
    void withoutAnEvaluableAssessmentTheBestResponseIsNotEvaluable() {
        var summary = ResponseCourse.of(new Cousson2025(), RULE, START, List.of(marrow(28, "30", null, null, null, false)))
                .summary();
        assertEquals(Category.NOT_EVALUABLE, summary.bestResponse());
        assertFalse(summary.treatmentFailure());
        assertNull(summary.bestResponseDate());
    }

    @Test
    void withoutAVenetoclaxStartNothingIsEvaluable() {
        ResponseCourse course = ResponseCourse.of(new Eln2022(), RULE, null, List.of(marrow(28, "2", "150", "2", null, false)));
        assertEquals(Category.NOT_EVALUABLE, course.assessments().get(0).classification().category());
        assertEquals(List.of("venetoclaxStart"), course.assessments().get(0).classification().missing());
    }

    @Test
    void theSameMarrowsCanBeCriDifferentlyUnderTheTwoSets() {
        // platelets 80, ANC 0.8: CR by the paper (> 75, > 0.75), CRh by ELN 2022 (< 100, < 1.0 but >= 50, >= 0.5)
        Marrow baseline = marrow(-1, "30", null, null, null, false);
        Marrow m = marrow(28, "3", "80", "0.8", null, false);
        assertEquals(Category.CR, ResponseCourse.of(new Cousson2025(), RULE, START, List.of(baseline, m)).summary().bestResponse());
        assertEquals(Category.CRH, ResponseCourse.of(new Eln2022(), RULE, START, List.of(baseline, m)).summary().bestResponse());
    }
}
