package org.ventrack.response.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ventrack.response.domain.criteria.Marrow;

class BaselineRuleTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 15);
    private final BaselineRule rule = new BaselineRule(28);

    static Marrow marrow(LocalDate date, String blasts, boolean flagged) {
        return new Marrow(UUID.randomUUID(), date, blasts == null ? null : new BigDecimal(blasts), false, false, null,
                null, null, null, null, flagged);
    }

    @Test
    void aFlaggedBaselineWinsOverALaterMarrow() {
        Marrow flagged = marrow(START.minusDays(20), "30", true);
        Marrow later = marrow(START.minusDays(2), "35", false);
        var baseline = rule.select(List.of(later, flagged), START).orElseThrow();
        assertEquals(flagged, baseline.marrow());
        assertEquals("flagged as baseline by the site", baseline.rule());
    }

    @Test
    void withoutAFlagTheLatestMarrowOnOrBeforeTheStartWithinTheWindow() {
        Marrow early = marrow(START.minusDays(28), "30", false);
        Marrow onStart = marrow(START, "35", false);
        Marrow after = marrow(START.plusDays(1), "40", false);
        assertEquals(onStart, rule.select(List.of(early, onStart, after), START).orElseThrow().marrow());
        assertEquals(early, rule.select(List.of(early, after), START).orElseThrow().marrow());
    }

    @Test
    void aMarrowOutsideTheWindowIsNoBaseline() {
        assertTrue(rule.select(List.of(marrow(START.minusDays(29), "30", false)), START).isEmpty());
    }

    @Test
    void aFlaggedMarrowAfterTheStartIsNotUsed() {
        assertTrue(rule.select(List.of(marrow(START.plusDays(3), "30", true)), START).isEmpty());
    }

    @Test
    void aMarrowWithoutBlastsCannotBeTheBaseline() {
        Marrow counted = marrow(START.minusDays(5), "28", false);
        Marrow bloodOnly = marrow(START.minusDays(1), null, true);
        assertEquals(counted, rule.select(List.of(counted, bloodOnly), START).orElseThrow().marrow());
    }

    @Test
    void noStartNoBaseline() {
        assertTrue(rule.select(List.of(marrow(START, "30", true)), null).isEmpty());
    }
}
