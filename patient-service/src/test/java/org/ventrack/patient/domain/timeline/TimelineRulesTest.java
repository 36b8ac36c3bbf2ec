package org.ventrack.patient.domain.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ventrack.patient.domain.timeline.DatedFact.Kind;

class TimelineRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private final UUID patient = UUID.randomUUID();
    private final UUID course = UUID.randomUUID();
    private final List<DatedFact> record = List.of(
            new DatedFact(patient, "birthDate", LocalDate.of(2015, 1, 10), Kind.BIRTH),
            new DatedFact(course, "startDate", LocalDate.of(2024, 1, 1), Kind.VENETOCLAX_START));

    private List<Violation> add(Kind kind, LocalDate date) {
        return TimelineRules.check(record, null, List.of(new DatedFact(UUID.randomUUID(), "date", date, kind)), TODAY);
    }

    @Test
    void acceptsAnOrdinaryCourseOfEvents() {
        assertEquals(List.of(), add(Kind.HSCT, LocalDate.of(2024, 2, 12)));
        assertEquals(List.of(), add(Kind.DEATH, LocalDate.of(2025, 1, 28)));
        assertEquals(List.of(), add(Kind.OTHER, TODAY));
    }

    @Test
    void refusesDatesInTheFutureOrBeforeBirth() {
        assertEquals("date", add(Kind.OTHER, TODAY.plusDays(1)).get(0).field());
        assertTrue(add(Kind.OTHER, LocalDate.of(2014, 12, 31)).get(0).message().contains("birth"));
    }

    @Test
    void refusesOutcomesBeforeTheVenetoclaxStartOrWithoutOne() {
        assertTrue(add(Kind.DEATH, LocalDate.of(2023, 12, 31)).get(0).message().contains("before the venetoclax start"));
        assertTrue(add(Kind.LAST_FOLLOW_UP, LocalDate.of(2023, 12, 31)).get(0).message().contains("before the venetoclax start"));
        assertTrue(add(Kind.HSCT, LocalDate.of(2023, 6, 1)).get(0).message().contains("transplant"));
        List<Violation> noCourse = TimelineRules.check(record.subList(0, 1), null,
                List.of(new DatedFact(UUID.randomUUID(), "date", LocalDate.of(2024, 5, 1), Kind.RELAPSE)), TODAY);
        assertTrue(noCourse.get(0).message().contains("record the treatment course first"));
    }

    @Test
    void allowsOneDeathAndNothingAfterIt() {
        UUID death = UUID.randomUUID();
        List<DatedFact> dead = new java.util.ArrayList<>(record);
        dead.add(new DatedFact(death, "date", LocalDate.of(2024, 8, 1), Kind.DEATH));

        List<Violation> second = TimelineRules.check(dead, null,
                List.of(new DatedFact(UUID.randomUUID(), "date", LocalDate.of(2024, 8, 2), Kind.DEATH)), TODAY);
        assertTrue(second.stream().anyMatch(v -> v.message().contains("already has a recorded death")), second.toString());

        List<Violation> after = TimelineRules.check(dead, null,
                List.of(new DatedFact(UUID.randomUUID(), "onsetDate", LocalDate.of(2024, 8, 5), Kind.OTHER)), TODAY);
        assertEquals("onsetDate", after.get(0).field());
        assertTrue(after.get(0).message().contains("follow the death"));
    }

    @Test
    void aCorrectedDeathDateMayNotLeaveRecordsAfterIt() {
        UUID death = UUID.randomUUID();
        List<DatedFact> dead = new java.util.ArrayList<>(record);
        dead.add(new DatedFact(death, "date", LocalDate.of(2024, 8, 1), Kind.DEATH));
        dead.add(new DatedFact(UUID.randomUUID(), "onsetDate", LocalDate.of(2024, 7, 20), Kind.OTHER));

        List<Violation> earlier = TimelineRules.check(dead, death,
                List.of(new DatedFact(death, "date", LocalDate.of(2024, 7, 1), Kind.DEATH)), TODAY);
        assertEquals(1, earlier.size(), earlier.toString());
        assertEquals("date", earlier.get(0).field(), "blamed on the corrected field");

        assertEquals(List.of(), TimelineRules.check(dead, death,
                List.of(new DatedFact(death, "date", LocalDate.of(2024, 7, 25), Kind.DEATH)), TODAY));
    }

    @Test
    void movingTheStartLaterCannotStrandEarlierOutcomes() {
        List<DatedFact> withRelapse = new java.util.ArrayList<>(record);
        withRelapse.add(new DatedFact(UUID.randomUUID(), "date", LocalDate.of(2024, 3, 1), Kind.RELAPSE));
        List<Violation> moved = TimelineRules.check(withRelapse, course,
                List.of(new DatedFact(course, "startDate", LocalDate.of(2024, 4, 1), Kind.VENETOCLAX_START)), TODAY);
        assertEquals("startDate", moved.get(0).field());
    }

    @Test
    void deletingTheOnlyCourseUnderOutcomesIsRefused() {
        List<DatedFact> withFollowUp = new java.util.ArrayList<>(record);
        withFollowUp.add(new DatedFact(UUID.randomUUID(), "date", LocalDate.of(2024, 3, 1), Kind.LAST_FOLLOW_UP));
        assertEquals(1, TimelineRules.check(withFollowUp, course, List.of(), TODAY).size());
    }

    @Test
    void problemsTheRecordAlreadyHadAreNotBlamedOnAnUnrelatedChange() {
        List<DatedFact> legacy = new java.util.ArrayList<>(record);
        legacy.add(new DatedFact(UUID.randomUUID(), "date", LocalDate.of(2023, 3, 1), Kind.RELAPSE));
        assertEquals(List.of(), TimelineRules.check(legacy, null,
                List.of(new DatedFact(UUID.randomUUID(), "measuredOn", LocalDate.of(2024, 3, 1), Kind.OTHER)), TODAY));
    }
}
