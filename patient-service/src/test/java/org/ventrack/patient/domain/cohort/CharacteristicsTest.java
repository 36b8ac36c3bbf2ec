package org.ventrack.patient.domain.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ventrack.patient.domain.cohort.PaperCohort.patient;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CharacteristicsTest {

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    private static Count count(String value, int n, String percent) {
        return new Count(value, n, bd(percent));
    }

    // Percentages by hand, of n = 12: 1 = 8.3, 2 = 16.7, 3 = 25.0, 4 = 33.3, 5 = 41.7, 7 = 58.3, 8 = 66.7.
    // Table 1 prints some of them cut short: 66 for 66.7 and 33 for 33.3 (truncated), 16 for 16.7 (truncated), and
    // 9 for 8.3 (neither rounded nor truncated; it makes 66 + 25 + 9 = 100). 58, 42 and 25 are correctly rounded.
    @Test
    void reproducesTable1OfThePaper() {
        Characteristics t = Characteristics.of(PaperCohort.patients());

        assertEquals(12, t.n());
        assertEquals(new Summary(12, bd("5.5"), bd("2.0"), bd("12.0")), t.ageAtStartYears());
        assertEquals(List.of(count("MALE", 7, "58.3"), count("FEMALE", 5, "41.7")), t.sex());
        assertEquals(List.of(
                count("RELAPSED_AML", 8, "66.7"),
                count("REFRACTORY_AML", 3, "25.0"),
                count("MDS_RELATED_AML", 1, "8.3")), t.diagnosis());
        assertEquals(List.of(
                count("KMT2A::MLLT3 t(9;11)", 3, "25.0"),
                count("PTPN11", 2, "16.7"),
                count("CBFA2T3::GLIS2 (ETO2::GLIS2)", 1, "8.3"),
                count("inv(16)", 1, "8.3"),
                count("monosomy 7", 1, "8.3"),
                count("NPM1", 1, "8.3"),
                count("RUNX1::RUNX1T1 t(8;21)", 1, "8.3")), t.genetics());
        assertEquals(List.of(count("1", 8, "66.7"), count("2", 3, "25.0"), count("3", 1, "8.3")), t.cnsStatus());
        assertEquals(new Summary(12, bd("2.0"), bd("1.0"), bd("3.0")), t.priorLines());
        assertEquals(List.of(count("NO", 8, "66.7"), count("YES", 4, "33.3")), t.priorHsct());
        assertEquals(List.of(
                count("VEN_CHEMO", 5, "41.7"),
                count("VEN_HMA", 5, "41.7"),
                count("VEN_MONO", 2, "16.7")), t.regimen());
        assertEquals(new Summary(12, bd("2.0"), bd("1.0"), bd("3.5")), t.cycles());
    }

    /** The response rows come from response-service's events; here each patient's as the paper reports them. */
    @Test
    void bestResponseRowsAndBaselineBlastsOfTable1() {
        List<CohortPatient> cohort = PaperCohort.patients();
        List<BigDecimal> blasts = PaperCohort.baselineBlasts();
        // Table 3 and the text: UPN01, UPN02, UPN04 CR; UPN03 CRi; UPN07 PR; the other seven NR
        List<String> best = List.of("CR", "CR", "CRI", "CR", "NR", "NR", "PR", "NR", "NR", "NR", "NR", "NR");
        Map<String, CohortResponse> responses = new HashMap<>();
        for (int i = 0; i < cohort.size(); i++) {
            String id = cohort.get(i).patientId();
            responses.put(id, new CohortResponse(id, best.get(i), !best.get(i).equals("NR"), blasts.get(i)));
        }

        Characteristics t = Characteristics.of(cohort, "COUSSON_2025", responses);

        assertEquals(new Summary(12, bd("28.5"), bd("15.5"), bd("46.0")), t.baselineBlastPercent());
        assertEquals(new Characteristics.BestResponses("COUSSON_2025",
                List.of(count("CR", 3, "25.0"), count("CRI", 1, "8.3"), count("PR", 1, "8.3"), count("NR", 7, "58.3")),
                count("CR+CRH+CRI", 4, "33.3"), count("PR", 1, "8.3"), count("ORR", 5, "41.7"),
                count("NR", 7, "58.3")), t.bestResponse());
    }

    @Test
    void aPatientWithoutAPublishedResponseCountsAsUnknownAndHasNoBaseline() {
        List<CohortPatient> cohort = PaperCohort.patients().subList(0, 2);
        String first = cohort.get(0).patientId();
        Characteristics t = Characteristics.of(cohort, "ELN_2022",
                Map.of(first, new CohortResponse(first, "NOT_EVALUABLE", false, bd("15.5"))));

        assertEquals(new Summary(1, bd("15.5"), bd("15.5"), bd("15.5")), t.baselineBlastPercent());
        assertEquals(List.of(count("NOT_EVALUABLE", 1, "50.0"), count("UNKNOWN", 1, "50.0")), t.bestResponse().counts());
        assertEquals(count("ORR", 0, "0.0"), t.bestResponse().overallResponse());
    }

    @Test
    void emptyCohortHasNoCountsAndNoMedians() {
        Characteristics t = Characteristics.of(List.of());

        Summary none = new Summary(0, null, null, null);
        assertEquals(new Characteristics(0, none, List.of(), List.of(), List.of(), List.of(), none, List.of(),
                none, none, List.of(), new Characteristics.BestResponses(null, List.of(), new Count("CR+CRH+CRI", 0, null),
                        new Count("PR", 0, null), new Count("ORR", 0, null), new Count("NR", 0, null))), t);
    }

    @Test
    void oddCountTakesTheMiddleValueAndEvenCountTheMeanOfTheTwoMiddleValues() {
        List<CohortPatient> odd = List.of(
                patient("A", "MALE", "2015-01-01", "2020-01-01", "RELAPSED_AML", 1, 3, false, 1, "VEN_HMA", "3.5"),
                patient("B", "MALE", "2015-01-01", "2020-01-01", "RELAPSED_AML", 1, 1, false, 1, "VEN_HMA", "1"),
                patient("C", "MALE", "2015-01-01", "2020-01-01", "RELAPSED_AML", 1, 2, false, 1, "VEN_HMA", "2"));
        assertEquals(new Summary(3, bd("2.0"), bd("1.0"), bd("3.5")), Characteristics.of(odd).cycles());
        assertEquals(new Summary(3, bd("2.0"), bd("1.0"), bd("3.0")), Characteristics.of(odd).priorLines());

        List<CohortPatient> even = List.of(
                patient("A", "MALE", "2015-01-01", "2020-01-01", "RELAPSED_AML", 1, 1, false, 1, "VEN_HMA", "1"),
                patient("B", "MALE", "2015-01-01", "2020-01-01", "RELAPSED_AML", 1, 3, false, 1, "VEN_HMA", "2"),
                patient("C", "MALE", "2015-01-01", "2020-01-01", "RELAPSED_AML", 1, 2, false, 1, "VEN_HMA", "1.5"),
                patient("D", "MALE", "2015-01-01", "2020-01-01", "RELAPSED_AML", 1, 3, false, 1, "VEN_HMA", "3"));
        assertEquals(new Summary(4, bd("2.5"), bd("1.0"), bd("3.0")), Characteristics.of(even).priorLines());
        assertEquals(new Summary(4, bd("1.8"), bd("1.0"), bd("3.0")), Characteristics.of(even).cycles(),
                "(1.5 + 2) / 2 = 1.75, rounded HALF_UP");
    }

    @Test
    void ageMedianIsTakenOnUnroundedAgesThenRounded() {
        // 1812 d / 365.25 = 4.9610 (shown 5.0) and 1855 d = 5.0787 (shown 5.1): the median of the exact ages is
        // 5.0199 -> 5.0, where the median of the rounded ages would be 5.05 -> 5.1.
        List<CohortPatient> cohort = List.of(
                patient("A", "FEMALE", "2015-01-01", "2019-12-18", "RELAPSED_AML", 1, 1, false, 1, "VEN_HMA", "1"),
                patient("B", "FEMALE", "2015-01-01", "2020-01-30", "RELAPSED_AML", 1, 1, false, 1, "VEN_HMA", "1"));

        assertEquals(new Summary(2, bd("5.0"), bd("5.0"), bd("5.1")), Characteristics.of(cohort).ageAtStartYears());
    }

    @Test
    void patientWithoutCourseCountsInNButHasNoAgeRegimenOrCycles() {
        List<CohortPatient> cohort = List.of(
                patient("A", "MALE", "2015-01-01", "2020-01-01", "RELAPSED_AML", 1, 2, false, 1, "VEN_HMA", "2"),
                patient("B", "FEMALE", "2016-01-01", null, "REFRACTORY_AML", 0, 1, false, 1, null, null));

        Characteristics t = Characteristics.of(cohort);

        assertEquals(2, t.n());
        assertEquals(1, t.ageAtStartYears().n());
        assertEquals(new Summary(1, bd("2.0"), bd("2.0"), bd("2.0")), t.cycles());
        assertEquals(List.of(count("NONE", 1, "50.0"), count("VEN_HMA", 1, "50.0")), t.regimen());
        assertEquals(new Summary(2, bd("1.5"), bd("1.0"), bd("2.0")), t.priorLines());
    }

    @Test
    void geneticsCountEachDistinctLabelOncePerPatientOverTheWholeCohort() {
        List<CohortPatient> cohort = List.of(
                patient("A", "MALE", "2015-01-01", "2020-01-01", "RELAPSED_AML", 1, 1, false, 1, "VEN_HMA", "1",
                        "KMT2A t(9;11)", " KMT2A t(9;11) ", "PTPN11"),
                patient("B", "MALE", "2015-01-01", "2020-01-01", "RELAPSED_AML", 1, 1, false, 1, "VEN_HMA", "1",
                        "KMT2A t(9;11)"),
                patient("C", "MALE", "2015-01-01", "2020-01-01", "RELAPSED_AML", 1, 1, false, 1, "VEN_HMA", "1"));

        assertEquals(List.of(count("KMT2A t(9;11)", 2, "66.7"), count("PTPN11", 1, "33.3")),
                Characteristics.of(cohort).genetics());
    }

    @Test
    void missingValuesAreUnknownAndCnsStatusKeepsItsNumericOrder() {
        List<CohortPatient> cohort = List.of(
                patient("A", null, "2015-01-01", "2020-01-01", null, 1, null, false, 3, "VEN_HMA", "1"),
                patient("B", "MALE", "2015-01-01", "2020-01-01", "RELAPSED_AML", 1, 1, false, null, "VEN_HMA", "1"),
                patient("C", "MALE", "2015-01-01", "2020-01-01", "RELAPSED_AML", 1, 1, true, 3, "VEN_HMA", "1"),
                patient("D", "MALE", "2015-01-01", "2020-01-01", "RELAPSED_AML", 1, 1, false, 1, "VEN_HMA", "1"));

        Characteristics t = Characteristics.of(cohort);

        assertEquals(List.of(count("MALE", 3, "75.0"), count("UNKNOWN", 1, "25.0")), t.sex());
        assertEquals(List.of(count("RELAPSED_AML", 3, "75.0"), count("UNKNOWN", 1, "25.0")), t.diagnosis());
        assertEquals(List.of(count("1", 1, "25.0"), count("3", 2, "50.0"), count("UNKNOWN", 1, "25.0")),
                t.cnsStatus());
        assertEquals(3, t.priorLines().n());
        assertEquals(List.of(count("NO", 3, "75.0"), count("YES", 1, "25.0")), t.priorHsct());
    }

    @Test
    void rejectsStartBeforeBirthAndRepeatedPatients() {
        CohortPatient early =
                patient("A", "MALE", "2015-01-01", "2014-12-31", "RELAPSED_AML", 1, 1, false, 1, "VEN_HMA", "1");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Characteristics.of(List.of(early)));
        assertTrue(e.getMessage().contains("A"), e.getMessage());

        CohortPatient p = PaperCohort.patients().get(0);
        assertThrows(IllegalArgumentException.class, () -> Characteristics.of(List.of(p, p)));
    }
}
