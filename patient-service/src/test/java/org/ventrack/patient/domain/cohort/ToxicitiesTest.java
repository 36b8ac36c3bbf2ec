package org.ventrack.patient.domain.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ventrack.patient.domain.cohort.PaperCohort.ae;
import static org.ventrack.patient.domain.cohort.PaperCohort.patient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ToxicitiesTest {

    private static final CohortPatient HMA =
            patient("H", "MALE", "2015-01-01", "2020-01-01", "RELAPSED_AML", 1, 1, false, 1, "VEN_HMA", "1");
    private static final CohortPatient CHEMO =
            patient("C", "FEMALE", "2015-01-01", "2020-01-01", "RELAPSED_AML", 1, 1, false, 1, "VEN_CHEMO", "1");

    /** Expected row: term, then any-grade/grade>=3 for HMA, chemotherapy and monotherapy, then the two totals. */
    private static TermRow row(String term, int hmaAny, int hma3, int chemoAny, int chemo3, int monoAny, int mono3,
            int total, int total3) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        cells.put("VEN_HMA", new Cell(hmaAny, hma3));
        cells.put("VEN_CHEMO", new Cell(chemoAny, chemo3));
        cells.put("VEN_MONO", new Cell(monoAny, mono3));
        return new TermRow(term, cells, total, total3);
    }

    @Test
    void reproducesTable2OfThePaper() {
        Toxicities t = Toxicities.of(PaperCohort.patients(), PaperCohort.adverseEvents());

        assertEquals(List.of("VEN_HMA", "VEN_CHEMO", "VEN_MONO"), List.copyOf(t.patientsPerRegimen().keySet()));
        assertEquals(Map.of("VEN_HMA", 5, "VEN_CHEMO", 5, "VEN_MONO", 2), t.patientsPerRegimen());
        // The paper's thrombocytopenia, neutropenia and musculoskeletal pain are the CTCAE terms Platelet count
        // decreased, Neutrophil count decreased and Myalgia; "0" in the paper is 0/0 here.
        assertEquals(List.of(
                row("Neutrophil count decreased", 2, 1, 3, 2, 1, 1, 6, 4),
                row("Febrile neutropenia",        0, 0, 4, 2, 1, 0, 5, 2),
                row("Nausea",                     1, 0, 4, 0, 0, 0, 5, 0),
                row("Anemia",                     1, 0, 3, 1, 0, 0, 4, 1),
                row("Platelet count decreased",   1, 0, 3, 1, 0, 0, 4, 1),
                row("Diarrhea",                   1, 1, 2, 0, 0, 0, 3, 1),
                row("Sepsis",                     0, 0, 3, 3, 0, 0, 3, 3),
                row("Fatigue",                    1, 0, 0, 0, 1, 0, 2, 0),
                row("Myalgia",                    1, 0, 1, 0, 0, 0, 2, 0)), t.rows());
        // Serious AEs are episodes: one diarrhoea (HMA) and three sepsis (chemotherapy).
        assertEquals(List.of("VEN_HMA", "VEN_CHEMO", "VEN_MONO"), List.copyOf(t.seriousPerRegimen().keySet()));
        assertEquals(Map.of("VEN_HMA", 1, "VEN_CHEMO", 3, "VEN_MONO", 0), t.seriousPerRegimen());
        assertEquals(4, t.seriousTotal());
    }

    @Test
    void paperGradeThreeOrMoreMatchesTheText() {
        // "Grade 3-4 AE included ... prolonged neutropenia (n = 4), bacterial infection (n = 3) and diarrhea (n = 1)"
        Map<String, Integer> severe = new LinkedHashMap<>();
        Toxicities.of(PaperCohort.patients(), PaperCohort.adverseEvents()).rows()
                .forEach(r -> severe.put(r.term(), r.grade3PlusTotal()));
        assertEquals(4, severe.get("Neutrophil count decreased"));
        assertEquals(3, severe.get("Sepsis"));
        assertEquals(1, severe.get("Diarrhea"));
    }

    @Test
    void emptyCohort() {
        assertEquals(new Toxicities(Map.of(), List.of(), Map.of(), 0), Toxicities.of(List.of(), List.of()));
    }

    @Test
    void regimenWithoutEventsStillHasItsColumn() {
        Toxicities t = Toxicities.of(List.of(HMA, CHEMO), List.of());

        assertEquals(Map.of("VEN_HMA", 1, "VEN_CHEMO", 1), t.patientsPerRegimen());
        assertEquals(Map.of("VEN_HMA", 0, "VEN_CHEMO", 0), t.seriousPerRegimen());
        assertEquals(List.of(), t.rows());

        t = Toxicities.of(List.of(HMA, CHEMO), List.of(ae("H", "VEN_HMA", "Nausea", 1, false)));
        assertEquals(Map.of("VEN_HMA", new Cell(1, 0), "VEN_CHEMO", new Cell(0, 0)), t.rows().get(0).byRegimen());
    }

    @Test
    void aPatientWithTheSameTermTwiceCountsOnceButEachSeriousEpisodeCounts() {
        Toxicities t = Toxicities.of(List.of(HMA), List.of(
                ae("H", "VEN_HMA", "Sepsis", 3, true),
                ae("H", "VEN_HMA", "Sepsis", 4, true),
                ae("H", "VEN_HMA", "sepsis ", 3, false)));

        assertEquals(List.of(new TermRow("Sepsis", Map.of("VEN_HMA", new Cell(1, 1)), 1, 1)), t.rows());
        assertEquals(2, t.seriousTotal());
        assertEquals(Map.of("VEN_HMA", 2), t.seriousPerRegimen());
    }

    @Test
    void gradeFiveCountsAsThreeOrMoreAndGradeTwoDoesNot() {
        Toxicities t = Toxicities.of(List.of(HMA, CHEMO), List.of(
                ae("H", "VEN_HMA", "Sepsis", 5, true),
                ae("C", "VEN_CHEMO", "Sepsis", 3, false),
                ae("C", "VEN_CHEMO", "Nausea", 2, false)));

        assertEquals(List.of(
                new TermRow("Sepsis", Map.of("VEN_HMA", new Cell(1, 1), "VEN_CHEMO", new Cell(1, 1)), 2, 2),
                new TermRow("Nausea", Map.of("VEN_HMA", new Cell(0, 0), "VEN_CHEMO", new Cell(1, 0)), 1, 0)),
                t.rows());
    }

    @Test
    void termsAreGroupedIgnoringCaseAndShownInNciSpelling() {
        Toxicities t = Toxicities.of(List.of(HMA, CHEMO), List.of(
                ae("H", "VEN_HMA", "FEBRILE  neutropenia", 3, false),
                ae("C", "VEN_CHEMO", "Febrile neutropenia", 4, false),
                ae("C", "VEN_CHEMO", "Local term not in CTCAE", 1, false)));

        assertEquals(List.of("Febrile neutropenia", "Local term not in CTCAE"),
                t.rows().stream().map(TermRow::term).toList());
        assertEquals(2, t.rows().get(0).anyGradeTotal());
    }

    @Test
    void eventWithoutRegimenFallsBackToThePatientsAndTotalsCountDistinctPatients() {
        CohortPatient noCourse =
                patient("N", "MALE", "2015-01-01", null, "REFRACTORY_AML", 0, 1, false, 1, null, null);
        Toxicities t = Toxicities.of(List.of(HMA, noCourse), List.of(
                ae("H", null, "Nausea", 1, false),
                ae("H", "VEN_CHEMO", "Nausea", 3, false),
                ae("N", null, "Fever", 1, false)));

        assertEquals(List.of("VEN_HMA", "VEN_CHEMO", "NONE"), List.copyOf(t.patientsPerRegimen().keySet()));
        assertEquals(Map.of("VEN_HMA", 1, "VEN_CHEMO", 0, "NONE", 1), t.patientsPerRegimen());
        assertEquals(List.of("Fever", "Nausea"), t.rows().stream().map(TermRow::term).toList());
        TermRow nausea = t.rows().get(1);
        assertEquals(Map.of("VEN_HMA", new Cell(1, 0), "VEN_CHEMO", new Cell(1, 1), "NONE", new Cell(0, 0)),
                nausea.byRegimen());
        assertEquals(1, nausea.anyGradeTotal(), "one patient, under two regimens");
        assertEquals(1, nausea.grade3PlusTotal());
        assertEquals(new Cell(1, 0), t.rows().get(0).byRegimen().get("NONE"));
    }

    @Test
    void eventsOfPatientsOutsideTheCohortAreIgnored() {
        List<CohortAdverseEvent> events = new ArrayList<>(PaperCohort.adverseEvents());
        Toxicities t = Toxicities.of(List.of(HMA), List.of(
                ae("H", "VEN_HMA", "Nausea", 1, false),
                ae("elsewhere", "VEN_HMA", "Nausea", 3, true)));
        assertEquals(List.of(new TermRow("Nausea", Map.of("VEN_HMA", new Cell(1, 0)), 1, 0)), t.rows());
        assertEquals(0, t.seriousTotal());

        // Table 2 for the HMA patients only, from all events.
        List<CohortPatient> hmaOnly =
                PaperCohort.patients().stream().filter(p -> p.regimen().equals("VEN_HMA")).toList();
        t = Toxicities.of(hmaOnly, events);
        assertEquals(Map.of("VEN_HMA", 5), t.patientsPerRegimen());
        assertEquals(7, t.rows().size());
        assertEquals(1, t.seriousTotal());
    }

    @Test
    void rejectsGradesOutsideOneToFiveMissingTermsAndRepeatedPatients() {
        for (int grade : new int[] {0, 6, -1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Toxicities.of(List.of(HMA), List.of(ae("H", "VEN_HMA", "Nausea", grade, false))));
            assertTrue(e.getMessage().contains("Nausea"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> Toxicities.of(List.of(HMA), List.of(ae("H", "VEN_HMA", " ", 2, false))));
        assertThrows(IllegalArgumentException.class, () -> Toxicities.of(List.of(HMA, HMA), List.of()));
    }
}
