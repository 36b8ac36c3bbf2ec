package org.ventrack.response.domain.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class ClopperPearsonTest {

    /** Every row of clopper-pearson.csv was produced by R's binom.test (src/test/r/clopper-pearson.R). */
    @ParameterizedTest(name = "{0}/{1} at {2}")
    @CsvFileSource(resources = "/clopper-pearson.csv", numLinesToSkip = 1)
    void equalsRBinomTestToOneInABillion(int x, int n, double confLevel, double lower, double upper) {
        double[] ci = ClopperPearson.interval(x, n, confLevel);
        assertEquals(lower, ci[0], 1e-9);
        assertEquals(upper, ci[1], 1e-9);
    }

    @Test
    void thePapersOverallResponseRateFiveOfTwelve() {
        Rate orr = Rate.of(5, 12, 0.95);
        assertEquals(0.416667, orr.rate(), 1e-6);
        assertEquals(0.15165, orr.lower(), 1e-5);
        assertEquals(0.72333, orr.upper(), 1e-5);
        Rate complete = Rate.of(4, 12, 0.95);
        assertEquals(0.09925, complete.lower(), 1e-5);
        assertEquals(0.65112, complete.upper(), 1e-5);
    }

    @Test
    void oneOfOneHasTheClosedFormLowerBound() {
        // x = n = 1: lower = (alpha/2)^(1/n) = 0.025, by hand
        assertEquals(0.025, ClopperPearson.interval(1, 1, 0.95)[0], 1e-12);
    }

    @Test
    void noPatientsGiveNoRate() {
        Rate none = Rate.of(0, 0, 0.95);
        assertNull(none.rate());
        assertNull(none.lower());
    }

    @Test
    void refusesImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(3, 2, 0.95));
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(1, 2, 1.0));
    }
}
