package org.ventrack.patient.domain.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BodySurfaceAreaTest {

    @Test
    void mostellerByHand() {
        // sqrt(100 * 16 / 3600) = sqrt(0.44444) = 0.66667
        assertEquals(0.66667, BodySurfaceArea.mosteller(16, 100), 0.00001);
        // sqrt(150 * 71 / 3600) = sqrt(2.95833) = 1.71998, i.e. 1.720 m² to three decimals
        assertEquals(1.71998, BodySurfaceArea.mosteller(71, 150), 0.00001);
        // sqrt(180 * 80 / 3600) = sqrt(4) = 2 exactly
        assertEquals(2.0, BodySurfaceArea.mosteller(80, 180), 1e-12);
    }

    @Test
    void rejectsNonPositiveOrNonFiniteInput() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> BodySurfaceArea.mosteller(bad, 100));
            assertThrows(IllegalArgumentException.class, () -> BodySurfaceArea.mosteller(16, bad));
        }
    }
}
