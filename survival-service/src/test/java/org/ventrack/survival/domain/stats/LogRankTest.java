package org.ventrack.survival.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ventrack.survival.domain.stats.RFixture.assertAllClose;
import static org.ventrack.survival.domain.stats.RFixture.assertClose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogRankTest {

    @ParameterizedTest
    @ValueSource(strings = {"aml", "lung-sex", "lung-ecog", "tied", "empty-expected", "random2000"})
    void observedExpectedVarianceChiSquareAndPMatchRSurvdiff(String name) {
        RFixture r = RFixture.load("logrank-" + name + ".json");
        LogRankResult result = LogRank.test(r.doubles("time"), r.booleans("status"), r.ints("group"));
        assertAllClose(r.doubles("n"), result.n(), name + " n");
        assertAllClose(r.doubles("obs"), result.observed(), name + " obs");
        assertAllClose(r.doubles("exp"), result.expected(), name + " exp");
        int k = result.n().length;
        double[] variance = r.doubles("var"); // R (jsonlite) writes the matrix as an array of rows
        for (int g = 0; g < k; g++) {
            for (int l = 0; l < k; l++) {
                assertClose(variance[g * k + l], result.variance()[g][l], name + " var[" + g + "," + l + "]");
            }
        }
        assertClose(r.number("chisq"), result.chiSquare(), name + " chisq");
        assertEquals(r.integer("df"), result.degreesOfFreedom(), name + " df");
        assertClose(r.number("p"), result.pValue(), name + " p");
    }

    /**
     * Group 0: deaths at 1 and 3; group 1: death at 2, censored at 4. Four distinct times:
     * t=1: n = (2, 2), d = 1: E0 = 1/2, V = 1·(4-1)/(4-1)·(1/2)(1/2) = 1/4.
     * t=2: n = (1, 2), d = 1: E0 = 1/3, V = 1·(1/3)(2/3) = 2/9.
     * t=3: n = (1, 1), d = 1: E0 = 1/2, V = 1/4.
     * O0 = 2, E0 = 4/3, V00 = 13/18, chi-square = (2/3)² / (13/18) = 8/13.
     */
    @Test
    void twoGroupsByHand() {
        LogRankResult result = LogRank.test(new double[] {1, 3, 2, 4}, new boolean[] {true, true, true, false},
                new int[] {0, 0, 1, 1});
        assertClose(4.0 / 3, result.expected()[0], "E0");
        assertClose(13.0 / 18, result.variance()[0][0], "V00");
        assertClose(8.0 / 13, result.chiSquare(), "chi-square");
        assertEquals(1, result.degreesOfFreedom());
        // chi-square with 1 df: P(X > x) = erfc(sqrt(x / 2)); for x = 8/13 R's pchisq gives 0.4327675806677847
        assertClose(0.43276758066778465, result.pValue(), "p");
    }
}
