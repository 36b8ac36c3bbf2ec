package org.ventrack.survival.domain.tte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeToEventTest {

    private static final LocalDate START = LocalDate.of(2023, 1, 1);

    private static PatientHistory patient(PatientHistory.Response response, PatientHistory.DatedEvent... events) {
        return new PatientHistory(UUID.randomUUID(), "FR-RDB", "VEN_CHEMO", START, List.of(events), response, List.of());
    }

    private static PatientHistory.DatedEvent event(String kind, int day) {
        return new PatientHistory.DatedEvent(kind, START.plusDays(day));
    }

    private static PatientHistory.Response response(String best, boolean failure, Integer failureDay, Integer relapseDay,
            int lastAssessmentDay) {
        return new PatientHistory.Response(best, failure, failureDay == null ? null : START.plusDays(failureDay),
                relapseDay != null, relapseDay == null ? null : START.plusDays(relapseDay), START.plusDays(lastAssessmentDay),
                null, null);
    }

    @Test
    void deathEndsBothEndpoints() {
        var t = TimeToEvent.of(patient(response("CR", false, null, null, 28), event("HSCT", 90), event("DEATH", 1041)),
                EfsFailureTime.DAY_ZERO).orElseThrow();
        assertEquals(1041, t.os().days());
        assertTrue(t.os().event());
        assertEquals(1041, t.efs().days());
        assertEquals("death", t.efs().cause());
        assertEquals(START.plusDays(90), t.hsctDate());
    }

    @Test
    void theAliveAreCensoredAtTheLastNews() {
        var t = TimeToEvent.of(patient(response("CRI", false, null, null, 28), event("HSCT", 48),
                event("LAST_FOLLOW_UP", 1254)), EfsFailureTime.DAY_ZERO).orElseThrow();
        assertEquals(1254, t.os().days());
        assertFalse(t.os().event());
        assertFalse(t.efs().event());
        assertEquals("event-free at last news", t.efs().cause());
        assertEquals(START.plusDays(1254), t.lastNews());
    }

    @Test
    void aTreatmentFailureIsAnEfsEventAtDayZeroByDefaultOrWhenEstablished() {
        PatientHistory p = patient(response("NR", true, 28, null, 28), event("DEATH", 150));
        var dayZero = TimeToEvent.of(p, EfsFailureTime.DAY_ZERO).orElseThrow();
        assertEquals(0, dayZero.efs().days());
        assertTrue(dayZero.efs().event());
        assertEquals("treatment failure (NR)", dayZero.efs().cause());
        assertEquals(150, dayZero.os().days());
        var established = TimeToEvent.of(p, EfsFailureTime.ESTABLISHED).orElseThrow();
        assertEquals(28, established.efs().days());
    }

    @Test
    void theFirstOfRelapseProgressionAndMarrowRelapseEndsEfs() {
        var clinical = TimeToEvent.of(patient(response("CR", false, null, 260, 260), event("RELAPSE", 240),
                event("DEATH", 457)), EfsFailureTime.DAY_ZERO).orElseThrow();
        assertEquals(240, clinical.efs().days());
        assertEquals("relapse", clinical.efs().cause());
        var marrow = TimeToEvent.of(patient(response("CR", false, null, 110, 110), event("DEATH", 393)),
                EfsFailureTime.DAY_ZERO).orElseThrow();
        assertEquals(110, marrow.efs().days());
        assertEquals("relapse after complete remission (marrow)", marrow.efs().cause());
        assertEquals(393, marrow.os().days());
    }

    @Test
    void anAssessmentIsNewsOfThePatient() {
        var t = TimeToEvent.of(patient(response("PR", false, null, null, 84)), EfsFailureTime.DAY_ZERO).orElseThrow();
        assertEquals(84, t.os().days());
        assertFalse(t.os().event());
    }

    @Test
    void withoutAVenetoclaxStartThereIsNoTimeOrigin() {
        assertTrue(TimeToEvent.of(new PatientHistory(UUID.randomUUID(), "FR-RDB", null, null, List.of(), null, List.of()),
                EfsFailureTime.DAY_ZERO).isEmpty());
    }
}
