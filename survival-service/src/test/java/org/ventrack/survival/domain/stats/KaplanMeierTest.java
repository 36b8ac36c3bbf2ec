package org.ventrack.survival.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ventrack.survival.domain.stats.RFixture.assertAllClose;
import static org.ventrack.survival.domain.stats.RFixture.assertClose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KaplanMeierTest {

    private static final String[] CONF_TYPE_KEYS = {"log", "loglog", "plain"};
    private static final ConfType[] CONF_TYPES = {ConfType.LOG, ConfType.LOG_LOG, ConfType.PLAIN};

    @ParameterizedTest
    @ValueSource(strings = {"aml", "lung", "tied-events", "censor-tied-with-events", "all-censored",
            "one-subject-event", "one-subject-censored", "ends-at-zero", "three-subjects", "flat-median",
            "flat-median-at-end", "cohort12-os", "cohort12-efs", "random2000"})
    void everyStepAndQuantileMatchesRForLogLogLogAndPlainIntervals(String name) {
        RFixture r = RFixture.load("km-" + name + ".json");
        for (int c = 0; c < CONF_TYPES.length; c++) {
            String key = CONF_TYPE_KEYS[c];
            KaplanMeierFit fit = KaplanMeier.fit(r.doubles("time"), r.booleans("status"), CONF_TYPES[c], 0.95);
            String where = name + " " + key + " ";
            assertAllClose(r.doubles(key + "/time"), fit.time(), where + "time");
            assertAllClose(r.doubles(key + "/n.risk"), fit.nRisk(), where + "n.risk");
            assertAllClose(r.doubles(key + "/n.event"), fit.nEvent(), where + "n.event");
            assertAllClose(r.doubles(key + "/n.censor"), fit.nCensor(), where + "n.censor");
            assertAllClose(r.doubles(key + "/surv"), fit.surv(), where + "surv");
            assertAllClose(r.doubles(key + "/std.err"), fit.stdErr(), where + "summary std.err");
            assertAllClose(r.doubles(key + "/std.err.cumhaz"), fit.cumHazStdErr(), where + "fit$std.err");
            assertAllClose(r.doubles(key + "/lower"), fit.lower(), where + "lower");
            assertAllClose(r.doubles(key + "/upper"), fit.upper(), where + "upper");

            QuantileEstimate[] q = fit.quantiles(r.doubles(key + "/quantile/probs"));
            double[] expected = r.doubles(key + "/quantile/quantile");
            double[] expectedLower = r.doubles(key + "/quantile/lower");
            double[] expectedUpper = r.doubles(key + "/quantile/upper");
            for (int i = 0; i < q.length; i++) {
                assertClose(expected[i], q[i].time(), where + "quantile " + q[i].probability());
                assertClose(expectedLower[i], q[i].lower(), where + "quantile lower " + q[i].probability());
                assertClose(expectedUpper[i], q[i].upper(), where + "quantile upper " + q[i].probability());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"aml", "lung", "tied-events", "censor-tied-with-events", "all-censored",
            "one-subject-event", "one-subject-censored", "ends-at-zero", "three-subjects", "flat-median",
            "flat-median-at-end", "cohort12-os", "cohort12-efs", "random2000"})
    void survivalAtRequestedTimesMatchesRSummaryWithTimes(String name) {
        RFixture r = RFixture.load("km-" + name + ".json");
        SurvivalAtTimes at = KaplanMeier.fit(r.doubles("time"), r.booleans("status"))
                .at(r.doubles("summary_times/requested"));
        assertAllClose(r.doubles("summary_times/time"), at.time(), name + " time");
        assertAllClose(r.doubles("summary_times/n.risk"), at.nRisk(), name + " n.risk");
        assertAllClose(r.doubles("summary_times/n.event"), at.nEvent(), name + " n.event");
        assertAllClose(r.doubles("summary_times/n.censor"), at.nCensor(), name + " n.censor");
        assertAllClose(r.doubles("summary_times/surv"), at.surv(), name + " surv");
        assertAllClose(r.doubles("summary_times/std.err"), at.stdErr(), name + " std.err");
        assertAllClose(r.doubles("summary_times/lower"), at.lower(), name + " lower");
        assertAllClose(r.doubles("summary_times/upper"), at.upper(), name + " upper");
    }

    /**
     * Times 1, 2+, 3 (+ = censored). At 1: n = 3, d = 1, S = 2/3, Greenwood Σ d/(n(n-d)) = 1/6, se(S) = (2/3)·√(1/6)
     * = 0.27217. At 2 one is censored, nothing changes. At 3: n = 1, d = 1, S = 0, se(S) is 0·∞ (NaN, as R).
     * Log CI at 1: (2/3)·exp(∓1.959964·0.408248) = 0.29951 .. 1 (upper clipped).
     */
    @Test
    void threeSubjectsByHand() {
        KaplanMeierFit fit = KaplanMeier.fit(new double[] {3, 1, 2}, new boolean[] {true, true, false});
        assertAllClose(new double[] {1, 2, 3}, fit.time(), "time");
        assertAllClose(new double[] {3, 2, 1}, fit.nRisk(), "n.risk");
        assertAllClose(new double[] {2.0 / 3, 2.0 / 3, 0}, fit.surv(), "surv");
        assertClose(2.0 / 3 * Math.sqrt(1.0 / 6), fit.stdErr()[0], "se");
        assertClose(Double.NaN, fit.stdErr()[2], "se when S = 0");
        assertClose(2.0 / 3 * Math.exp(-1.959963984540054 * Math.sqrt(1.0 / 6)), fit.lower()[0], "lower");
        assertClose(1, fit.upper()[0], "upper clipped to 1");
        assertClose(Double.NaN, fit.lower()[2], "no log bound when S = 0");
    }

    /**
     * Deaths at 1 and 2 of 4 subjects: S = 0.5 from 2 until the next death at 4, so R's median is the midpoint 3;
     * the 25 % quantile is 1 (S = 0.75 reached exactly at 1, then drops, so the flat stretch is [1, 2): (1 + 2)/2 = 1.5).
     */
    @Test
    void medianOfACurveFlatAtOneHalfIsTheMidpointOfTheFlatStretch() {
        KaplanMeierFit fit = KaplanMeier.fit(new double[] {1, 2, 3, 4}, new boolean[] {true, true, false, true});
        assertClose(3, fit.median().time(), "median");
        assertClose(1.5, fit.quantiles(0.25)[0].time(), "first quartile");
    }

    @Test
    void medianNotReachedIsNaN() {
        KaplanMeierFit fit = KaplanMeier.fit(new double[] {1, 2, 3, 4}, new boolean[] {true, false, false, false});
        assertFalse(fit.median().reached());
        assertEquals(Double.NaN, fit.median().time());
    }

    @Test
    void censoredSubjectsAtAnEventTimeAreStillAtRisk() {
        // 2 die and 2 are censored at t = 1 among 4: S = 1 - 2/4, not 1 - 2/2
        KaplanMeierFit fit = KaplanMeier.fit(new double[] {1, 1, 1, 1}, new boolean[] {true, true, false, false});
        assertClose(0.5, fit.surv()[0], "surv");
        assertEquals(4, fit.nRisk()[0]);
    }

    @Test
    void rejectsNegativeOrMissingTimes() {
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.fit(new double[] {-1}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.fit(new double[] {Double.NaN}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.fit(new double[] {1, 2}, new boolean[] {true}));
    }

    @Test
    void largeInputSplitOverTwoCoresGivesTheSameCurveAsASmallSort() {
        java.util.Random random = new java.util.Random(7);
        int n = 300_000;
        double[] times = new double[n];
        boolean[] events = new boolean[n];
        for (int i = 0; i < n; i++) {
            times[i] = Math.floor(-Math.log(random.nextDouble()) * 1000) / 4; // many ties
            events[i] = random.nextDouble() < 0.9;
        }
        KaplanMeierFit fit = KaplanMeier.fit(times, events);
        double[] sorted = times.clone();
        java.util.Arrays.sort(sorted);
        assertEquals(java.util.Arrays.stream(sorted).distinct().count(), fit.size());
        int deaths = 0;
        for (int d : fit.nEvent()) deaths += d;
        int expectedDeaths = 0;
        for (boolean e : events) if (e) expectedDeaths++;
        assertEquals(expectedDeaths, deaths);
        for (int i = 1; i < fit.size(); i++) {
            assertEquals(fit.nRisk()[i - 1] - fit.nEvent()[i - 1] - fit.nCensor()[i - 1], fit.nRisk()[i]);
        }
    }

    @Test
    void timesClusteredFarFromAZeroTimeAreStillSortedAndCounted() {
        // a death at time 0 stretches the key range so the 200,000 other times crowd into few buckets
        java.util.Random random = new java.util.Random(11);
        int n = 200_000;
        double[] times = new double[n];
        boolean[] events = new boolean[n];
        for (int i = 0; i < n; i++) {
            times[i] = i < 10 ? 0 : 1000 + random.nextDouble();
            events[i] = random.nextBoolean();
        }
        KaplanMeierFit fit = KaplanMeier.fit(times, events);
        double[] sorted = java.util.Arrays.stream(times).distinct().sorted().toArray();
        assertAllClose(sorted, fit.time(), "distinct times ascending");
        assertEquals(n, fit.nRisk()[0]);
        int last = fit.size() - 1;
        assertEquals(fit.nEvent()[last] + fit.nCensor()[last], fit.nRisk()[last]);
    }
}
