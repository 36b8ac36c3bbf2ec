package org.ventrack.survival.domain.stats;

import static org.ventrack.survival.domain.stats.RFixture.assertAllClose;
import static org.ventrack.survival.domain.stats.RFixture.assertClose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AalenJohansenTest {

    @ParameterizedTest
    @ValueSource(strings = {"small", "ties", "cohort12", "random2000"})
    void cumulativeIncidenceOfEachCauseMatchesRMultiStateSurvfit(String name) {
        RFixture r = RFixture.load("aj-" + name + ".json");
        for (int cause = 1; cause <= 2; cause++) {
            CumulativeIncidence ci = AalenJohansen.fit(r.doubles("time_in"), r.ints("state"), cause);
            String where = name + " cause " + cause + " ";
            String key = "cause" + cause;
            assertAllClose(r.doubles("time"), ci.time(), where + "time");
            assertAllClose(r.doubles("n.risk"), ci.nRisk(), where + "n.risk");
            assertAllClose(r.doubles("n.censor"), ci.nCensor(), where + "n.censor");
            assertAllClose(r.doubles("s0/pstate"), ci.eventFree(), where + "pstate (s0)");
            assertAllClose(r.doubles(key + "/pstate"), ci.cumInc(), where + "pstate");
            assertAllClose(r.doubles(key + "/std.err"), ci.stdErr(), where + "std.err");
            assertAllClose(r.doubles(key + "/lower"), ci.lower(), where + "lower");
            assertAllClose(r.doubles(key + "/upper"), ci.upper(), where + "upper");
        }
    }

    /**
     * 8 subjects; at t = 1 one relapses (state 1) of 8 at risk: F = 1/8. Each subject's influence on F is
     * (1{relapse} - 1/8)/8, so var = (7/8)²/64 + 7·(1/8)²/64 = 56/4096 = F(1 - F)/n, se = 0.1169268.
     */
    @Test
    void firstStepHasTheBinomialStandardError() {
        CumulativeIncidence ci = AalenJohansen.fit(new double[] {1, 2, 2, 3, 4, 5, 6, 7}, new int[] {1, 2, 0, 1, 2, 0, 1, 1}, 1);
        assertClose(0.125, ci.cumInc()[0], "F(1)");
        assertClose(Math.sqrt(0.125 * 0.875 / 8), ci.stdErr()[0], "se(1)");
    }

    /** Without competing events the cumulative incidence is 1 - Kaplan-Meier. */
    @Test
    void withoutCompetingEventsIncidenceIsOneMinusKaplanMeier() {
        double[] times = {2, 3, 3, 5, 8, 9, 12};
        int[] states = {1, 1, 0, 1, 0, 1, 0};
        boolean[] events = new boolean[states.length];
        for (int i = 0; i < states.length; i++) events[i] = states[i] == 1;
        CumulativeIncidence ci = AalenJohansen.fit(times, states, 1);
        KaplanMeierFit km = KaplanMeier.fit(times, events);
        for (int i = 0; i < km.size(); i++) {
            assertClose(1 - km.surv()[i], ci.cumInc()[i], "F at " + km.time()[i]);
        }
    }
}
