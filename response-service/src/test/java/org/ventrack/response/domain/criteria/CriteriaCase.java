package org.ventrack.response.domain.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One row of a criteria table: inputs as text, "-" for a missing value. */
final class CriteriaCase {

    private CriteriaCase() {
    }

    static Marrow marrow(String blasts, String emd, String circulating, String platelets, String anc,
            String cellularity, String cells, String mrd) {
        return new Marrow(UUID.randomUUID(), LocalDate.of(2024, 3, 1), decimal(blasts), bool(circulating), bool(emd),
                decimal(platelets), decimal(anc), decimal(cellularity), cells == null ? null : Integer.valueOf(cells),
                mrd == null ? null : Mrd.valueOf(mrd), false);
    }

    static void assertClassified(Classification c, String expected, String missing, boolean mrdNegative) {
        assertEquals(Category.valueOf(expected), c.category(), () -> "reasons: " + c.reasons());
        List<String> expectedMissing = missing == null ? List.of() : Arrays.asList(missing.split(";"));
        assertEquals(expectedMissing, c.missing());
        assertEquals(mrdNegative, c.mrdNegative());
        assertTrue(!c.reasons().isEmpty(), "every result states its reasons");
        if (!expectedMissing.isEmpty()) {
            assertTrue(c.reasons().stream().anyMatch(r -> r.met() == null), "the undecided threshold is listed");
        }
    }

    static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static Boolean bool(String value) {
        return value == null ? null : Boolean.valueOf(value);
    }
}
