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

class Eln2022Test {

    private final Eln2022 criteria = new Eln2022();

    @ParameterizedTest(name = "{0} -> {10}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            # case                                   | blasts | base  | emd   | circ  | plt   | anc  | cellul. | cells | mrd      | expected      | missing                           | mrdNeg
            CR at exactly 100 and 1.0                | 4.99   | -     | false | false | 100   | 1.0  | -       | -     | -        | CR            | -                                 | false
            MRD-negative CR                          | 1      | -     | false | false | 150   | 2    | -       | -     | NEGATIVE | CR            | -                                 | true
            blasts exactly 5 is not < 5: PR branch   | 5      | 10    | false | false | 100   | 1.0  | -       | -     | -        | PR            | -                                 | false
            CRh at platelets 99.9                    | 4.9    | -     | false | false | 99.9  | 1.0  | -       | -     | NEGATIVE | CRH           | -                                 | true
            CRh at exactly 50 and 0.5                | 4      | -     | false | false | 50    | 0.5  | -       | -     | -        | CRH           | -                                 | false
            CRi: ANC recovered, platelets below 50   | 4      | -     | false | false | 49.9  | 1.0  | -       | -     | NEGATIVE | CRI           | -                                 | true
            CRi: platelets recovered, ANC below 0.5  | 4      | -     | false | false | 100   | 0.49 | -       | -     | -        | CRI           | -                                 | false
            MLFS: no recovery, cellularity 10        | 4      | -     | false | false | 49    | 0.4  | 10      | -     | NEGATIVE | MLFS          | -                                 | false
            MLFS: no recovery, 200 cells counted     | 4      | -     | false | false | 49    | 0.4  | -       | 200   | -        | MLFS          | -                                 | false
            aplastic marrow is not evaluable         | 4      | -     | false | false | 49    | 0.4  | 9.9     | 199   | -        | NOT_EVALUABLE | -                                 | false
            MLFS needs the cellularity               | 4      | -     | false | false | 49    | 0.4  | -       | -     | -        | NOT_EVALUABLE | cellularityPercent or cellsCounted| false
            circulating blasts unknown               | 4      | -     | false | -     | 100   | 1    | -       | -     | -        | NOT_EVALUABLE | circulatingBlasts                 | false
            EMD unknown                              | 4      | -     | -     | false | 100   | 1    | -       | -     | -        | NOT_EVALUABLE | extramedullaryDisease             | false
            counts missing for CR                    | 4      | -     | false | false | -     | -    | -       | -     | -        | NOT_EVALUABLE | platelets;anc                     | false
            circulating blasts: judged as PR         | 4      | 20    | false | true  | 100   | 1    | -       | -     | -        | PR            | -                                 | false
            EMD: judged as PR, no baseline           | 4      | -     | true  | false | 100   | 1    | -       | -     | -        | NOT_EVALUABLE | baseline                          | false
            PR at exactly 25 and exactly 50 %        | 25     | 50    | false | false | 100   | 1    | -       | -     | -        | PR            | -                                 | false
            just above 25                            | 25.01  | 60    | false | false | 100   | 1    | -       | -     | -        | NR            | -                                 | false
            decrease just under 50 %                 | 20     | 39.99 | false | false | 100   | 1    | -       | -     | -        | NR            | -                                 | false
            PR needs platelets >= 100                | 10     | 20    | false | false | 99    | 1    | -       | -     | -        | NR            | -                                 | false
            PR needs ANC >= 1.0                      | 10     | 20    | false | false | 100   | 0.99 | -       | -     | -        | NR            | -                                 | false
            PR with counts missing                   | 10     | 20    | false | false | -     | 1    | -       | -     | -        | NOT_EVALUABLE | platelets                         | false
            NR needs no counts                       | 30     | 40    | false | false | -     | -    | -       | -     | -        | NR            | -                                 | false
            no baseline above 5                      | 30     | -     | false | false | 100   | 1    | -       | -     | -        | NOT_EVALUABLE | baseline                          | false
            blasts missing                           | -      | 30    | false | false | 100   | 1    | -       | -     | -        | NOT_EVALUABLE | blastPercent                      | false
            """)
    void classifiesAtEveryBoundary(String name, String blasts, String baseline, String emd, String circulating,
            String platelets, String anc, String cellularity, String cells, String mrd, String expected, String missing,
            boolean mrdNegative) {
        Classification c = criteria.classify(marrow(blasts, emd, circulating, platelets, anc, cellularity, cells, mrd),
                decimal(baseline));
        assertClassified(c, expected, missing == null ? null : missing.trim(), mrdNegative);
        assertEquals("ELN_2022", c.criteria());
    }

    @Test
    void anAplasticMarrowSaysWhy() {
        Classification c = criteria.classify(marrow("4", "false", "false", "49", "0.4", "5", "150", null), null);
        assertEquals(Category.NOT_EVALUABLE, c.category());
        Reason last = c.reasons().get(c.reasons().size() - 1);
        assertEquals(false, last.met());
        assertEquals("cellularity 5 %, cells counted 150", last.values());
    }

    @Test
    void relapseIsBlastsFromFiveOrExtramedullaryDisease() {
        assertTrue(criteria.relapse(marrow("5", "false", "false", null, null, null, null, null)));
        assertFalse(criteria.relapse(marrow("4.99", "false", "false", null, null, null, null, null)));
        assertTrue(criteria.relapse(marrow("0", "true", "false", null, null, null, null, null)));
    }
}
