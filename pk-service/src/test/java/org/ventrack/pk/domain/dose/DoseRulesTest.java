package org.ventrack.pk.domain.dose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ventrack.pk.domain.CoMedication;
import org.ventrack.pk.domain.Cyp3aClass;

class DoseRulesTest {

    private static final LocalDate DAY = LocalDate.of(2024, 6, 10);
    /** 144 cm x 25 kg: BSA exactly 1.0 m2, so 360 mg/m2 gives 360 mg. */
    private static final double HEIGHT_BSA_1 = 144;
    private static final double WEIGHT_BSA_1 = 25;

    private final DoseRules rules = new DoseRules(DoseRuleSettings.defaults());

    private static DoseRequest childWithBsa1(double ageYears) {
        return DoseRequest.maintenance(DAY, Age.ofYears(ageYears), WEIGHT_BSA_1, HEIGHT_BSA_1);
    }

    private static String path(DoseDecision decision) {
        return String.join("\n", decision.rulePath());
    }

    @ParameterizedTest(name = "{0} years: {1} mg/m2 -> {2} mg")
    @CsvSource({
            "0.49, 180, 180",
            "0.5,  240, 240",
            "0.99, 240, 240",
            "1.0,  290, 290",
            "1.99, 290, 290",
            "2.0,  360, 360",
            "12,   360, 360",
    })
    void underTwoYearsTheAgeBandAppliesFromTwoYearsTheBsaDose(double ageYears, double mgPerM2, double doseMg) {
        DoseDecision decision = rules.decide(childWithBsa1(ageYears));

        assertEquals(mgPerM2, decision.targetDoseMg(), 1e-9);
        assertEquals(doseMg, decision.dailyDoseMg());
        assertTrue(path(decision).contains(ageYears < 2 ? "age-adjusted band" : "360 mg/m2"), path(decision));
    }

    @Test
    void anAgeBandIsReadFromItsConfiguredText() {
        assertEquals(new AgeBand(0.5, 1, 240), AgeBand.parse(" 0.5-1:240 "));
        assertEquals(DoseRuleSettings.defaults().youngChildBands(),
                List.of(AgeBand.parse("0-0.5:180"), AgeBand.parse("0.5-1:240"), AgeBand.parse("1-2:290")));
        for (String bad : List.of("0.5:240", "0.5-1", "1-0.5:240", "0-1:0")) {
            assertThrows(IllegalArgumentException.class, () -> AgeBand.parse(bad), bad);
        }
    }

    @Test
    void theSecondBirthdayIsTheFirstDayOfTheBsaDose() {
        LocalDate birth = LocalDate.of(2022, 6, 10);
        DoseRequest dayBefore = DoseRequest.maintenance(DAY.minusDays(1), Age.between(birth, DAY.minusDays(1)),
                WEIGHT_BSA_1, HEIGHT_BSA_1);
        DoseRequest birthday = DoseRequest.maintenance(DAY, Age.between(birth, DAY), WEIGHT_BSA_1, HEIGHT_BSA_1);

        assertTrue(dayBefore.age().years() < 2.0);
        assertEquals(2.0, birthday.age().years());
        assertEquals(290, rules.decide(dayBefore).dailyDoseMg());
        assertEquals(360, rules.decide(birthday).dailyDoseMg());
    }

    @ParameterizedTest(name = "{0} cm x {1} kg: target {2} mg, capped {3}")
    @CsvSource({
            "144, 25,                 360, false",  // BSA 1.0
            "160, 27.777777777777778, 400, false",  // BSA 1.111: 360 mg/m2 gives 400 mg, exactly the cap
            "144, 36,                 400, true",   // BSA 1.2: 432 mg capped
    })
    void theBsaDoseIsCappedAtTheAdultDose(double heightCm, double weightKg, double target, boolean capped) {
        DoseDecision decision = rules.decide(DoseRequest.maintenance(DAY, Age.ofYears(10), weightKg, heightCm));

        assertEquals(target, decision.targetDoseMg(), 1e-9);
        assertEquals(target, decision.dailyDoseMg());
        assertEquals(capped, path(decision).contains("capped at 400 mg"), path(decision));
    }

    @Test
    void bsaIsMosteller() {
        DoseDecision decision = rules.decide(DoseRequest.maintenance(DAY, Age.ofYears(4), 16, 100));
        assertEquals(Math.sqrt(100 * 16 / 3600.0), decision.bsaM2(), 1e-12); // 0.667 m2 -> 240 mg
        assertEquals(240, decision.dailyDoseMg());
        assertEquals("2 x 100 mg + 4 x 10 mg tablets", decision.administration());
    }

    @ParameterizedTest(name = "ramp-up day {0}: {1} mg")
    @CsvSource({ "1, 90", "2, 180", "3, 360", "4, 360" })
    void rampUpGivesTheDaysFractionOfTheTarget(int day, double doseMg) {
        DoseDecision decision = rules.decide(childWithBsa1(8).withPhase(DosePhase.rampUpDay(day)));

        assertEquals(doseMg, decision.dailyDoseMg());
        assertTrue(path(decision).contains("ramp-up day " + day + " of cycle 1"), path(decision));
    }

    @ParameterizedTest(name = "{0} ({1}, P-gp {2}): {3} mg")
    @CsvSource({
            "posaconazole, STRONG,   false, 60",   // 360 x 70/400 = 63 -> down to 60
            "Posaconazole, STRONG,   false, 60",   // name matched case-insensitively
            "voriconazole, STRONG,   false, 90",   // 360 x 100/400
            "fluconazole,  MODERATE, false, 180",  // 360 x 0.5
            "ciclosporin,  NONE,     true,  180",  // P-gp inhibitor: 360 x 0.5
            "cimetidine,   WEAK,     false, 360",  // no adjustment
            "paracetamol,  NONE,     false, 360",
    })
    void inhibitorsReduceTheDoseByClass(String drug, Cyp3aClass cyp3a, boolean pgp, double doseMg) {
        CoMedication comedication = new CoMedication(drug, cyp3a, pgp, DAY.minusDays(5), null);

        DoseDecision decision = rules.decide(childWithBsa1(8).withCoMedications(List.of(comedication), null));

        assertEquals(doseMg, decision.dailyDoseMg(), () -> path(decision));
    }

    @Test
    void theStrongestOfSeveralInhibitorsWins() {
        List<CoMedication> both = List.of(new CoMedication("fluconazole", Cyp3aClass.MODERATE, false, DAY, null),
                new CoMedication("posaconazole", Cyp3aClass.STRONG, false, DAY, null));

        DoseDecision decision = rules.decide(childWithBsa1(8).withCoMedications(both, null));

        assertEquals(60, decision.dailyDoseMg());
        assertTrue(path(decision).contains("posaconazole: label adult dose 70 mg for 400 mg"), path(decision));
    }

    @Test
    void aStrongInhibitorDuringRampUpIsReducedAndFlaggedForCaution() {
        CoMedication voriconazole = new CoMedication("voriconazole", Cyp3aClass.STRONG, false, DAY, null);

        DoseDecision decision = rules.decide(
                childWithBsa1(8).withPhase(DosePhase.rampUpDay(1)).withCoMedications(List.of(voriconazole), null));

        assertEquals(20, decision.dailyDoseMg()); // 90 x 0.25 = 22.5 -> 20
        assertTrue(path(decision).contains("contraindicates strong CYP3A inhibitors"), path(decision));
    }

    @ParameterizedTest(name = "{0} days after the inhibitor's last day: {1} mg")
    @CsvSource({ "0, 90", "1, 90", "2, 90", "3, 350", "10, 350" })
    void thePreviousDoseIsResumedThreeDaysAfterTheInhibitorStops(int daysAfterStop, double doseMg) {
        LocalDate lastDay = DAY.minusDays(daysAfterStop);
        CoMedication stopped = new CoMedication("voriconazole", Cyp3aClass.STRONG, false, lastDay.minusDays(20),
                lastDay);

        DoseDecision decision = rules.decide(childWithBsa1(8).withCoMedications(List.of(stopped), 350.0));

        assertEquals(doseMg, decision.dailyDoseMg(), () -> path(decision));
        if (daysAfterStop >= 3) {
            assertTrue(path(decision).contains("resumption from " + lastDay.plusDays(3)), path(decision));
        }
    }

    @Test
    void withoutAPreviousDoseTheComputedTargetFollowsTheStop() {
        CoMedication stopped = new CoMedication("voriconazole", Cyp3aClass.STRONG, false, DAY.minusDays(30),
                DAY.minusDays(3));

        assertEquals(360, rules.decide(childWithBsa1(8).withCoMedications(List.of(stopped), null)).dailyDoseMg());
    }

    @ParameterizedTest(name = "{0} cm x {1} kg, {2}: {3} mg")
    @CsvSource({
            "75, 9,  TABLET,          130",  // 290 mg/m2 x 0.433 m2 = 125.57 -> nearest 10 mg
            "75, 9,  ORAL_SUSPENSION, 125",  // nearest 5 mg
    })
    void roundingStepDependsOnTheFormulation(double heightCm, double weightKg, Formulation formulation,
            double doseMg) {
        DoseRequest request = new DoseRequest(DAY, Age.ofYears(1.5), weightKg, heightCm, DosePhase.maintenance(),
                List.of(), formulation, null);

        DoseDecision decision = rules.decide(request);

        double target = decision.targetDoseMg(); // 290 x sqrt(75 x 9 / 3600) = 125.57
        assertEquals(125.57, target, 0.01);
        assertEquals(doseMg, decision.dailyDoseMg());
    }

    @Test
    void roundingNearestAndDown() {
        DoseRounding rounding = rules.rounding();
        assertEquals(250, rounding.nearest(245, Formulation.TABLET).mg());
        assertEquals(240, rounding.nearest(244.99, Formulation.TABLET).mg());
        assertEquals(70, rounding.down(70.0 - 1e-12, Formulation.TABLET).mg());
        assertEquals(60, rounding.down(69.9, Formulation.TABLET).mg());
        assertEquals(10, rounding.down(4, Formulation.TABLET).mg());
        assertEquals("1 x 100 mg + 1 x 50 mg + 2 x 10 mg tablets", rounding.nearest(170, Formulation.TABLET).administration());
    }
}
