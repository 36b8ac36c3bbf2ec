package org.ventrack.survival.domain.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ventrack.survival.domain.quality.DataQualityReport.Check;
import org.ventrack.survival.domain.quality.DataQualityReport.FixTarget;
import org.ventrack.survival.domain.quality.DataQualityReport.Status;
import org.ventrack.survival.domain.quality.MonitoredPatient.Assessment;
import org.ventrack.survival.domain.quality.MonitoredPatient.Course;
import org.ventrack.survival.domain.quality.MonitoredPatient.DatedEvent;
import org.ventrack.survival.domain.quality.MonitoredPatient.Sample;

class DataQualityChecksTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2024, 3, 1);
    private final DataQualityChecks checks = new DataQualityChecks(Period.ofDays(90), 10, 2);

    /** A patient seen recently, started on day 1, with a baseline marrow and a day-10 trough in the window. */
    private static MonitoredPatient clean(String upn) {
        return new MonitoredPatient(UUID.randomUUID(), "FR-RDB", upn, START.minusDays(30),
                List.of(new Course(START, null, "VEN_HMA")),
                List.of(new DatedEvent("LAST_FOLLOW_UP", TODAY.minusDays(5))),
                List.of(new Assessment(UUID.randomUUID(), START.plusDays(27), true)),
                List.of(trough(START.plusDays(9), List.of())));
    }

    private static Sample trough(LocalDate day, List<String> flags) {
        return new Sample(UUID.randomUUID(), day.atTime(8, 0), "TROUGH", flags);
    }

    private static MonitoredPatient with(MonitoredPatient p, List<Course> courses, List<DatedEvent> events,
            List<Assessment> assessments, List<Sample> samples) {
        return new MonitoredPatient(p.patientId(), p.siteCode(), p.upn(), p.diagnosisDate(), courses, events, assessments, samples);
    }

    private Map<String, Check> run(MonitoredPatient... patients) {
        List<DataQualityReport> reports = checks.run(List.of(patients), TODAY);
        assertEquals(1, reports.size());
        return reports.get(0).checks().stream().collect(Collectors.toMap(Check::code, Function.identity()));
    }

    private static List<String> upns(Check check) {
        return check.patients().stream().map(DataQualityReport.Finding::upn).toList();
    }

    @Test
    void aCleanPatientRaisesNothingAndEveryCheckIsReported() {
        Map<String, Check> result = run(clean("UPN01"));
        assertEquals(7, result.size());
        result.values().forEach(check -> assertEquals(0, check.count(), check.code()));
        assertEquals(Status.IMPOSSIBLE, result.get("AE_WITHOUT_GRADE").status());
        assertEquals(Status.IMPOSSIBLE, result.get("COURSE_WITHOUT_DOSE_BASIS").status());
        assertTrue(result.get("AE_WITHOUT_GRADE").note().contains("refuses"));
    }

    @Test
    void aMarrowWithoutBaselineIsFoundWithItsDateAndFixedInResponseService() {
        MonitoredPatient c = clean("UPN02");
        MonitoredPatient p = with(c, c.courses(), c.clinicalEvents(),
                List.of(new Assessment(UUID.randomUUID(), START.plusDays(27), false)), c.samples());
        Check check = run(clean("UPN01"), p).get("NO_BASELINE_MARROW");
        assertEquals(List.of("UPN02"), upns(check));
        assertTrue(check.patients().get(0).detail().contains("2024-01-28"), check.patients().get(0).detail());
        assertEquals(FixTarget.ASSESSMENTS, check.patients().get(0).fix());
    }

    @Test
    void theDayTenTroughMustFallOnDaysEightToTwelve() {
        MonitoredPatient c = clean("UPN03");
        MonitoredPatient day12 = with(c, c.courses(), c.clinicalEvents(), c.assessments(), List.of(trough(START.plusDays(11), List.of())));
        MonitoredPatient day13 = with(clean("UPN04"), c.courses(), c.clinicalEvents(), c.assessments(), List.of(trough(START.plusDays(12), List.of())));
        MonitoredPatient peakOnly = with(clean("UPN05"), c.courses(), c.clinicalEvents(), c.assessments(),
                List.of(new Sample(UUID.randomUUID(), START.plusDays(9).atTime(12, 0), "PEAK", List.of())));
        assertEquals(List.of("UPN04", "UPN05"), upns(run(day12, day13, peakOnly).get("NO_DAY10_TROUGH")));
    }

    @Test
    void noDayTenTroughIsExpectedBeforeTheWindowHasPassedOrWhenTreatmentOrLifeEndedBefore() {
        MonitoredPatient c = clean("UPN06");
        MonitoredPatient startedLastWeek = with(c, List.of(new Course(TODAY.minusDays(7), null, "VEN_MONO")), c.clinicalEvents(),
                c.assessments(), List.of());
        MonitoredPatient stoppedOnDay5 = with(clean("UPN07"), List.of(new Course(START, START.plusDays(4), "VEN_MONO")),
                c.clinicalEvents(), c.assessments(), List.of());
        MonitoredPatient diedOnDay6 = with(clean("UPN08"), c.courses(), List.of(new DatedEvent("DEATH", START.plusDays(5))),
                List.of(), List.of());
        assertEquals(0, run(startedLastWeek, stoppedOnDay5, diedOnDay6).get("NO_DAY10_TROUGH").count());
    }

    @Test
    void troughsFlaggedOutsideTheWindowAreListed() {
        MonitoredPatient c = clean("UPN09");
        MonitoredPatient p = with(c, c.courses(), c.clinicalEvents(), c.assessments(),
                List.of(trough(START.plusDays(9), List.of("OUTSIDE_TROUGH_WINDOW", "BELOW_RANGE"))));
        Check check = run(p).get("TROUGH_OUTSIDE_WINDOW");
        assertEquals(List.of("UPN09"), upns(check));
        assertEquals(FixTarget.SAMPLES, check.patients().get(0).fix());
    }

    @Test
    void followUpIsMissingAfterTheGapUnlessThePatientDied() {
        MonitoredPatient c = clean("UPN10");
        List<Course> longAgo = List.of(new Course(TODAY.minusDays(200), TODAY.minusDays(150), "VEN_HMA"));
        MonitoredPatient quiet = with(c, longAgo, List.of(new DatedEvent("LAST_FOLLOW_UP", TODAY.minusDays(91))),
                List.of(), List.of());
        MonitoredPatient justInTime = with(clean("UPN11"), longAgo, List.of(new DatedEvent("LAST_FOLLOW_UP", TODAY.minusDays(90))),
                List.of(), List.of());
        MonitoredPatient dead = with(clean("UPN12"), List.of(new Course(START.minusYears(1), null, "VEN_HMA")),
                List.of(new DatedEvent("DEATH", START.minusMonths(6))), List.of(), List.of());
        Check check = run(quiet, justInTime, dead).get("MISSING_FOLLOW_UP");
        assertEquals(List.of("UPN10"), upns(check));
        assertEquals("No news for more than 90 days", check.title());
        assertTrue(check.patients().get(0).detail().contains("91 days ago"), check.patients().get(0).detail());
    }

    @Test
    void recordsAfterDeathCoursesEndingBeforeTheyStartAndEventsBeforeDiagnosisAreOutOfOrder() {
        MonitoredPatient c = clean("UPN13");
        MonitoredPatient afterDeath = with(c, c.courses(), List.of(new DatedEvent("DEATH", START.plusDays(20))),
                List.of(new Assessment(UUID.randomUUID(), START.plusDays(27), true)), c.samples());
        MonitoredPatient backwards = with(clean("UPN14"), List.of(new Course(START, START.minusDays(1), "VEN_CHEMO")),
                c.clinicalEvents(), c.assessments(), c.samples());
        MonitoredPatient c15 = clean("UPN15");
        MonitoredPatient beforeDiagnosis = new MonitoredPatient(c15.patientId(), "FR-RDB", "UPN15", START.plusDays(1),
                c15.courses(), c15.clinicalEvents(), c15.assessments(), c15.samples());
        Check check = run(afterDeath, backwards, beforeDiagnosis, clean("UPN16")).get("EVENTS_OUT_OF_ORDER");
        assertEquals(List.of("UPN13", "UPN14", "UPN15"), upns(check));
        assertTrue(check.patients().get(0).detail().contains("after death"), check.patients().get(0).detail());
        assertTrue(check.patients().get(1).detail().contains("before it started"), check.patients().get(1).detail());
        assertTrue(check.patients().get(2).detail().contains("before the diagnosis"), check.patients().get(2).detail());
    }

    @Test
    void oneReportPerSiteInAlphabeticalOrder() {
        MonitoredPatient c = clean("UPN01");
        MonitoredPatient other = new MonitoredPatient(UUID.randomUUID(), "DE-MUC", "UPN01", c.diagnosisDate(), c.courses(),
                c.clinicalEvents(), c.assessments(), c.samples());
        assertEquals(List.of("DE-MUC", "FR-RDB"), checks.run(List.of(c, other), TODAY).stream().map(DataQualityReport::siteCode).toList());
    }

    @Test
    void thresholdsMustMakeSense() {
        assertThrows(IllegalArgumentException.class, () -> new DataQualityChecks(Period.ZERO, 10, 2));
        assertThrows(IllegalArgumentException.class, () -> new DataQualityChecks(Period.ofDays(90), 2, 2));
    }
}
