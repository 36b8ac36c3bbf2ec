package org.ventrack.response.domain.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ventrack.response.domain.criteria.CriteriaCase.assertClassified;
import static org.ventrack.response.domain.criteria.CriteriaCase.decimal;
import static org.ventrack.response.domain.criteria.CriteriaCase.marrow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Cousson2025Test {

    private final Cousson2025 criteria = new Cousson2025();

    @ParameterizedTest(name = "{0}: blasts {1} from {2}, EMD {3}, plt {4}, ANC {5} -> {7}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            # case                                   | blasts | base | emd   | plt   | anc   | mrd      | expected      | missing               | mrdNeg
            blasts exactly 5 counts as <= 5          | 5      | 30   | false | 76    | 0.76  | -        | CR            | -                     | false
            just above 5 is judged as PR             | 5.01   | 30   | false | 76    | 0.76  | -        | PR            | -                     | false
            no blasts with recovery                  | 0      | -    | false | 200   | 2     | -        | CR            | -                     | false
            platelets exactly 75 is no recovery      | 3      | -    | false | 75    | 1     | -        | CRI           | -                     | false
            platelets just above 75                  | 3      | -    | false | 75.01 | 0.76  | -        | CR            | -                     | false
            ANC exactly 0.75 is no recovery          | 3      | -    | false | 100   | 0.75  | -        | CRI           | -                     | false
            ANC just above 0.75                      | 3      | -    | false | 100   | 0.751 | -        | CR            | -                     | false
            MRD-negative CR                          | 2      | -    | false | 100   | 1     | NEGATIVE | CR            | -                     | true
            MRD-negative CRi                         | 2      | -    | false | 20    | 0.1   | NEGATIVE | CRI           | -                     | true
            MRD-positive CR                          | 2      | -    | false | 100   | 1     | POSITIVE | CR            | -                     | false
            extramedullary disease keeps it from CR  | 3      | 30   | true  | 100   | 1     | NEGATIVE | PR            | -                     | false
            EMD without baseline                     | 3      | -    | true  | 100   | 1     | -        | NOT_EVALUABLE | baseline              | false
            EMD unknown                              | 3      | 30   | -     | 100   | 1     | -        | NOT_EVALUABLE | extramedullaryDisease | false
            platelets missing                        | 3      | 30   | false | -     | 1     | -        | NOT_EVALUABLE | platelets             | false
            ANC missing                              | 3      | 30   | false | 100   | -     | -        | NOT_EVALUABLE | anc                   | false
            both counts missing                      | 3      | 30   | false | -     | -     | -        | NOT_EVALUABLE | platelets;anc         | false
            blasts missing                           | -      | 30   | false | 100   | 1     | -        | NOT_EVALUABLE | blastPercent          | false
            blasts exactly 20 and decreased          | 20     | 30   | false | -     | -     | -        | PR            | -                     | false
            just above 20 decreased by a third       | 20.01  | 30   | false | -     | -     | -        | NR            | -                     | false
            20 but not decreased                     | 20     | 20   | false | -     | -     | -        | NR            | -                     | false
            an increase into 5-20 is not PR          | 18     | 15.5 | false | -     | -     | -        | NR            | -                     | false
            a decrease of exactly 50 is not > 50     | 25     | 50   | false | -     | -     | -        | NR            | -                     | false
            a decrease just above 50                 | 24.99  | 50   | false | -     | -     | -        | PR            | -                     | false
            above 20 but more than halved            | 22     | 46   | false | -     | -     | -        | PR            | -                     | false
            persisting above 20                      | 30     | 28   | false | -     | -     | -        | NR            | -                     | false
            above 20 without baseline                | 30     | -    | false | -     | -     | -        | NOT_EVALUABLE | baseline              | false
            in 5-20 without baseline                 | 10     | -    | false | -     | -     | -        | NOT_EVALUABLE | baseline              | false
            """)
    void classifiesAtEveryBoundary(String name, String blasts, String baseline, String emd, String platelets,
            String anc, String mrd, String expected, String missing, boolean mrdNegative) {
        Classification c = criteria.classify(marrow(blasts, emd, null, platelets, anc, null, null, mrd), decimal(baseline));
        assertClassified(c, expected, missing, mrdNegative);
        assertEquals("COUSSON_2025", c.criteria());
        assertEquals("1.0", c.criteriaVersion());
    }

    @Test
    void statesEveryThresholdWithTheValuesUsed() {
        Classification c = criteria.classify(marrow("3", "false", null, "75", "1", null, null, null), null);
        assertEquals(Category.CRI, c.category());
        assertEquals(new Reason("bone-marrow blasts <= 5 %", true, "blasts 3 %"), c.reasons().get(0));
        assertEquals(new Reason("platelets > 75 G/L", false, "platelets 75 G/L"), c.reasons().get(2));
        assertEquals(new Reason("ANC > 0.75 G/L", true, "ANC 1 G/L"), c.reasons().get(3));
    }

    @Test
    void reportsTheDecreaseFromBaseline() {
        Classification c = criteria.classify(marrow("22", "false", null, null, null, null, null, null), decimal("46"));
        assertTrue(c.reasons().stream().anyMatch(r -> r.values().equals("blasts 22 % from 46 % at baseline (decrease 52.2 %)")),
                c.reasons().toString());
    }

    @Test
    void relapseIsBlastsAboveFiveOrExtramedullaryDisease() {
        assertFalse(criteria.relapse(marrow("5", "false", null, null, null, null, null, null)));
        assertTrue(criteria.relapse(marrow("5.1", "false", null, null, null, null, null, null)));
        assertTrue(criteria.relapse(marrow("1", "true", null, null, null, null, null, null)));
    }
}
