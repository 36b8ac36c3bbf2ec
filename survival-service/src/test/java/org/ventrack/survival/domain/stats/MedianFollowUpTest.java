package org.ventrack.survival.domain.stats;

import static org.ventrack.survival.domain.stats.RFixture.assertClose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MedianFollowUpTest {

    @ParameterizedTest
    @ValueSource(strings = {"aml", "lung", "tied-events", "censor-tied-with-events", "all-censored",
            "one-subject-event", "one-subject-censored", "ends-at-zero", "three-subjects", "flat-median",
            "flat-median-at-end", "cohort12-os", "cohort12-efs", "random2000"})
    void reverseKaplanMeierMedianAndRangeMatchR(String name) {
        RFixture r = RFixture.load("km-" + name + ".json");
        MedianFollowUp followUp = MedianFollowUp.of(r.doubles("time"), r.booleans("status"));
        assertClose(r.number("reverse_median/median"), followUp.median(), name + " median");
        assertClose(r.number("reverse_median/lower"), followUp.lower(), name + " lower");
        assertClose(r.number("reverse_median/upper"), followUp.upper(), name + " upper");
        assertClose(r.number("reverse_median/min"), followUp.minTime(), name + " min");
        assertClose(r.number("reverse_median/max"), followUp.maxTime(), name + " max");
    }

    /**
     * Times 1†, 2+, 3+, 4+ (+ = censored, the "event" of the reverse curve; † = death, censored in it).
     * Reverse KM: at 1 nothing happens (n = 4, death is censoring), at 2: n = 3, S = 2/3, at 3: n = 2, S = 1/3,
     * so the reverse curve first goes below 0.5 at 3: median follow-up 3; range 1 .. 4.
     */
    @Test
    void deathsCountAsCensoredInTheReverseCurve() {
        MedianFollowUp followUp = MedianFollowUp.of(new double[] {1, 2, 3, 4}, new boolean[] {true, false, false, false});
        assertClose(3, followUp.median(), "median");
        assertClose(1, followUp.minTime(), "min");
        assertClose(4, followUp.maxTime(), "max");
        assertClose(2.5, followUp.observedMedian(), "median of 1, 2, 3, 4");
    }

    @Test
    void theObservedMedianOfAnOddCountIsTheMiddleTime() {
        MedianFollowUp followUp = MedianFollowUp.of(new double[] {9, 1, 5}, new boolean[] {true, true, false});
        assertClose(5, followUp.observedMedian(), "median of 1, 5, 9");
    }
}
