package org.ventrack.pk.domain.trough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ventrack.pk.domain.CoMedication;
import org.ventrack.pk.domain.Cyp3aClass;

class SampleJudgementTest {

    private static final LocalDate START = LocalDate.of(2024, 3, 1);
    /** Course day 11, 24 h after the evening dose: steady state and inside the trough window. */
    private static final LocalDateTime STEADY_TROUGH_AT = START.plusDays(10).atTime(8, 0);

    private final SampleJudgement judgement = new SampleJudgement(TroughSettings.defaults());

    private static PatientContext patient(List<CoMedication> coMedications) {
        return new PatientContext(START, List.of(new DoseChange(START, 100)), null, coMedications);
    }

    private static PkSample trough(LocalDateTime at, double hoursAfterDose, double doseMg, double concentration) {
        return PkSample.trough(at, at.minusMinutes(Math.round(hoursAfterDose * 60)), doseMg, concentration);
    }

    private static CoMedication voriconazole() {
        return new CoMedication("voriconazole", Cyp3aClass.STRONG, false, START.minusDays(30), null);
    }

    private TroughJudgement judge(PkSample sample, PatientContext patient) {
        return judgement.judge(sample, patient, InteractionFreeReference.none());
    }

    /**
     * Cousson et al. 2025, Table 4, row by row. The paper's column appears truncated rather than rounded in 4 of 8
     * rows (163/150 = 1.087 printed 1.08, 314/250 = 1.256 printed 1.25, 227/250 = 0.908 printed 0.90, 214/400 = 0.535
     * printed 0.53) and the voriconazole rows are printed as 36 (7215/200 = 36.075, 3681/100 = 36.81); we round
     * half-up to 2 decimals.
     */
    @ParameterizedTest(name = "{0} y, {1} kg: {3} ng/mL at {2} mg -> {4} (paper {5}), flags {7}")
    @CsvSource(delimiter = '|', textBlock = """
            1.2 | 13 | 150 | 342  | 2.28  | 2.28 | false | BELOW_RANGE
            1.7 | 11 | 150 | 163  | 1.09  | 1.08 | false | BELOW_RANGE
            2.2 | 14 | 250 | 314  | 1.26  | 1.25 | false | BELOW_RANGE
            4   | 16 | 250 | 227  | 0.91  | 0.90 | false | BELOW_RANGE
            10  | 71 | 400 | 214  | 0.54  | 0.53 | false | BELOW_RANGE
            11  | 20 | 200 | 7215 | 36.08 | 36   | true  | ABOVE_RANGE INTERACTION_SUSPECTED
            11  | 20 | 100 | 3681 | 36.81 | 36   | true  | ABOVE_RANGE INTERACTION_SUSPECTED
            14  | 80 | 800 | 439  | 0.55  | 0.55 | false | BELOW_RANGE
            """)
    void reproducesTable4OfCousson2025(double ageYears, double weightKg, double doseMg, double trough,
            String expected, String printedInPaper, boolean withVoriconazole, String expectedFlags) {
        PatientContext patient = patient(withVoriconazole ? List.of(voriconazole()) : List.of());

        TroughJudgement result = judge(trough(STEADY_TROUGH_AT, 24, doseMg, trough), patient);

        assertEquals(new BigDecimal(expected), result.doseNormalised());
        assertTrue(result.steadyState());
        assertEquals(Boolean.TRUE, result.withinTroughWindow());
        assertEquals(Set.copyOf(Arrays.stream(expectedFlags.split(" ")).map(TroughFlag::valueOf).toList()),
                Set.copyOf(result.flagCodes()), () -> String.join("\n", result.reasons()));
        assertEquals(withVoriconazole ? 1 : 0, result.activeInhibitors().size());
    }

    @Test
    void theInteractionFlagNamesTheInhibitorAndTheComparison() {
        TroughJudgement result = judge(trough(STEADY_TROUGH_AT, 24, 200, 7215), patient(List.of(voriconazole())));
        String reason = result.flags().stream().filter(f -> f.flag() == TroughFlag.INTERACTION_SUSPECTED)
                .findFirst().orElseThrow().reason();
        assertEquals("strong CYP3A inhibitor voriconazole taken and 36.08 (ng/mL)/mg >= 5 x 1 = 5", reason);
    }

    @ParameterizedTest(name = "course day {0}, last dose change on course day {1}: steady state {2}")
    @CsvSource({
            "9, 1, false",    // too early
            "10, 1, true",    // first steady-state day
            "12, 8, false",   // change 4 days before
            "12, 7, true",    // change 5 days before
            "20, 20, false",  // change on the sampling day
    })
    void steadyStateNeedsCourseDayTenAndFiveDaysWithoutDoseChange(int courseDay, int changeCourseDay,
            boolean steady) {
        PatientContext patient = new PatientContext(START,
                List.of(new DoseChange(START, 100), new DoseChange(START.plusDays(changeCourseDay - 1), 200)), null,
                List.of());
        LocalDateTime at = START.plusDays(courseDay - 1).atTime(8, 0);

        TroughJudgement result = judge(trough(at, 24, 200, 800), patient);

        assertEquals(courseDay, result.courseDay());
        assertEquals(courseDay - 1, result.daysSinceStart());
        assertEquals(steady, result.steadyState());
        assertEquals(!steady, result.has(TroughFlag.NOT_STEADY_STATE));
    }

    @ParameterizedTest(name = "{0} min after the dose: inside the trough window {1}")
    @CsvSource({ "1199, false", "1200, true", "1440, true", "1680, true", "1681, false" })
    void troughWindowIsTwentyToTwentyEightHoursInclusive(int minutesAfterDose, boolean inside) {
        PkSample sample = PkSample.trough(STEADY_TROUGH_AT, STEADY_TROUGH_AT.minusMinutes(minutesAfterDose), 200, 800);

        TroughJudgement result = judge(sample, patient(List.of()));

        assertEquals(minutesAfterDose / 60.0, result.hoursAfterLastDose(), 1e-9);
        assertEquals(inside, result.withinTroughWindow());
        assertEquals(!inside, result.has(TroughFlag.OUTSIDE_TROUGH_WINDOW));
    }

    @Test
    void aPeakSampleIsNotJudgedAgainstTheTroughWindowOrRange() {
        PkSample peak = new PkSample(STEADY_TROUGH_AT, STEADY_TROUGH_AT.minusHours(6), 200, 4000.0, null, false,
                SampleKind.PEAK);

        TroughJudgement result = judge(peak, patient(List.of(voriconazole())));

        assertEquals(List.of(), result.flags());
        assertEquals(new BigDecimal("20.00"), result.doseNormalised());
    }

    @ParameterizedTest(name = "{0} ng/mL -> {1}")
    @CsvSource({ "499.99, BELOW_RANGE", "500, NONE", "3000, NONE", "3000.01, ABOVE_RANGE" })
    void referenceRangeBoundsAreInclusive(double concentration, String flag) {
        TroughJudgement result = judge(trough(STEADY_TROUGH_AT, 24, 400, concentration), patient(List.of()));

        assertEquals(flag.equals("NONE") ? List.of() : List.of(TroughFlag.valueOf(flag)), result.flagCodes());
    }

    @ParameterizedTest(name = "{2} at {0} ng/mL for 100 mg: interaction suspected {3}")
    @CsvSource({
            "499, STRONG, voriconazole, false",   // 4.99 < 5 x 1.00
            "500, STRONG, voriconazole, true",    // 5.00 >= 5 x 1.00
            "2000, MODERATE, fluconazole, false", // high, but not a strong inhibitor
            "2000, WEAK, cimetidine, false",
    })
    void interactionNeedsAStrongInhibitorAndFiveTimesTheReferenceMedian(double concentration, Cyp3aClass cyp3a,
            String drug, boolean suspected) {
        CoMedication inhibitor = new CoMedication(drug, cyp3a, false, START, null);

        TroughJudgement result = judge(trough(STEADY_TROUGH_AT, 24, 100, concentration), patient(List.of(inhibitor)));

        assertEquals(suspected, result.has(TroughFlag.INTERACTION_SUSPECTED), () -> String.join("\n", result.reasons()));
    }

    @ParameterizedTest(name = "cohort median 2.0 from {0} samples: reference used {1}")
    @CsvSource({ "4, 1.0", "5, 2.0" })
    void theCohortMedianIsUsedOnlyWithEnoughSamples(int samples, double expectedReference) {
        PkSample sample = trough(STEADY_TROUGH_AT, 24, 100, 700); // 7.00 (ng/mL)/mg

        TroughJudgement result = judgement.judge(sample, patient(List.of(voriconazole())),
                new InteractionFreeReference(2.0, samples));

        assertEquals(expectedReference, result.interactionFreeMedianUsed());
        // 7.00 >= 5 x 1.0 but < 5 x 2.0
        assertEquals(expectedReference == 1.0, result.has(TroughFlag.INTERACTION_SUSPECTED));
    }

    @ParameterizedTest(name = "inhibitor stopping on course day {0}, sample on course day 11: active {1}")
    @CsvSource({ "10, false", "11, true" })
    void anInhibitorCountsUpToAndIncludingItsLastDay(int lastCourseDay, boolean active) {
        CoMedication stopped = new CoMedication("voriconazole", Cyp3aClass.STRONG, false, START,
                START.plusDays(lastCourseDay - 1));

        TroughJudgement result = judge(trough(STEADY_TROUGH_AT, 24, 200, 7215), patient(List.of(stopped)));

        assertEquals(active, !result.activeInhibitors().isEmpty());
        assertEquals(active, result.has(TroughFlag.INTERACTION_SUSPECTED));
    }

    @ParameterizedTest(name = "{0} ng/mL, LLOQ {1}, reported below {2}: below LLOQ {3}")
    @CsvSource({ ", 10, true, true", "9.9, 10, false, true", "10, 10, false, false" })
    void belowLloqIsReportedOrMeasured(Double concentration, double lloq, boolean reportedBelow, boolean below) {
        PkSample sample = new PkSample(STEADY_TROUGH_AT, STEADY_TROUGH_AT.minusHours(24), 100, concentration, lloq,
                reportedBelow, SampleKind.TROUGH);

        TroughJudgement result = judge(sample, patient(List.of()));

        assertEquals(below, result.has(TroughFlag.BELOW_LLOQ));
        if (below) {
            assertNull(result.doseNormalised());
            assertEquals(List.of(TroughFlag.BELOW_LLOQ), result.flagCodes());
        }
    }

    @Test
    void normalisesPerBsaOnlyWithABsa() {
        PkSample sample = trough(STEADY_TROUGH_AT, 24, 150, 342);
        PatientContext withBsa = new PatientContext(START, List.of(), 0.5, List.of());

        assertEquals(new BigDecimal("1.14"), judge(sample, withBsa).doseNormalisedPerBsa()); // 342 / (150 / 0.5)
        assertNull(judge(sample, patient(List.of())).doseNormalisedPerBsa());
    }

    @Test
    void unknownLastDoseTimeGivesNoWindowJudgement() {
        PkSample sample = new PkSample(STEADY_TROUGH_AT, null, 100, 800.0, null, false, SampleKind.TROUGH);

        TroughJudgement result = judge(sample, patient(List.of()));

        assertNull(result.hoursAfterLastDose());
        assertNull(result.withinTroughWindow());
        assertFalse(result.has(TroughFlag.OUTSIDE_TROUGH_WINDOW));
    }
}
