package org.ventrack.response.domain.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ventrack.response.domain.criteria.Category;

class ResponseRatesTest {

    /** The paper: 3 CR with chemotherapy, 1 CRi and 1 PR with HMA, 7 NR. */
    private static List<ResponseRates.PatientResponse> paper() {
        List<ResponseRates.PatientResponse> patients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            patients.add(new ResponseRates.PatientResponse("VEN_CHEMO", Category.CR));
        }
        patients.add(new ResponseRates.PatientResponse("VEN_CHEMO", Category.NR));
        patients.add(new ResponseRates.PatientResponse("VEN_CHEMO", Category.NR));
        patients.add(new ResponseRates.PatientResponse("VEN_HMA", Category.CRI));
        patients.add(new ResponseRates.PatientResponse("VEN_HMA", Category.PR));
        for (int i = 0; i < 3; i++) {
            patients.add(new ResponseRates.PatientResponse("VEN_HMA", Category.NR));
        }
        patients.add(new ResponseRates.PatientResponse("VEN_MONO", Category.NR));
        patients.add(new ResponseRates.PatientResponse("VEN_MONO", Category.NOT_EVALUABLE));
        return patients;
    }

    @Test
    void countsThePapersCohortWithNotEvaluableAsNonResponders() {
        ResponseRates.GroupRates all = ResponseRates.of("all", paper().stream().map(ResponseRates.PatientResponse::bestResponse).toList(), 0.95);
        assertEquals(12, all.n());
        assertEquals(5, all.overallResponse().count());
        assertEquals(4, all.completeRemission().count());
        assertEquals(3, all.counts().get(Category.CR));
        assertEquals(0, all.counts().get(Category.CRH));
        assertEquals(1, all.counts().get(Category.NOT_EVALUABLE));
    }

    @Test
    void groupsByRegimenInNameOrder() {
        List<ResponseRates.GroupRates> groups = ResponseRates.byGroup(paper(), 0.95);
        assertEquals(List.of("VEN_CHEMO", "VEN_HMA", "VEN_MONO"), groups.stream().map(ResponseRates.GroupRates::group).toList());
        assertEquals(3, groups.get(0).completeRemission().count());
        assertEquals(5, groups.get(0).n());
        assertEquals(2, groups.get(1).overallResponse().count());
        assertEquals(1, groups.get(1).completeRemission().count());
        assertEquals(0, groups.get(2).overallResponse().count());
        // 3/5: R binom.test(3, 5)$conf.int
        assertEquals(0.1466328, groups.get(0).completeRemission().lower(), 1e-7);
        assertEquals(0.9472550, groups.get(0).completeRemission().upper(), 1e-7);
    }

    @Test
    void medianAndRangeOfBaselineBlastsAsInTableOne() {
        // 15.5 ... 46 with 28 and 29 in the middle: median 28.5, as the paper's Table 1
        Distribution d = Distribution.of(List.of(new BigDecimal("46"), new BigDecimal("15.5"), new BigDecimal("28"),
                new BigDecimal("29"), new BigDecimal("20"), new BigDecimal("35")));
        assertEquals(6, d.n());
        assertEquals(0, new BigDecimal("28.5").compareTo(d.median()));
        assertEquals(0, new BigDecimal("15.5").compareTo(d.min()));
        assertEquals(0, new BigDecimal("46").compareTo(d.max()));
        assertEquals(0, new BigDecimal("29").compareTo(Distribution.of(List.of(new BigDecimal("29"))).median()));
    }
}
