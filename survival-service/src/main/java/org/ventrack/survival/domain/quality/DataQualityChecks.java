package org.ventrack.survival.domain.quality;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.ventrack.survival.domain.quality.DataQualityReport.Check;
import org.ventrack.survival.domain.quality.DataQualityReport.Finding;
import org.ventrack.survival.domain.quality.DataQualityReport.FixTarget;
import org.ventrack.survival.domain.quality.DataQualityReport.Status;
import org.ventrack.survival.domain.quality.MonitoredPatient.Course;
import org.ventrack.survival.domain.quality.MonitoredPatient.DatedEvent;

/**
 * The checks a study monitor runs on each site's patients.
 *
 * @param followUpGap           how long without news of a living patient counts as missing follow-up
 * @param troughDay             the study day of the trough that confirms steady state (day 1 = first day of the course)
 * @param troughDayTolerance    days either side of {@code troughDay} that still count
 */
public record DataQualityChecks(Period followUpGap, int troughDay, int troughDayTolerance) {

    static final String DEATH = "DEATH";
    static final String TROUGH = "TROUGH";
    static final String OUTSIDE_TROUGH_WINDOW = "OUTSIDE_TROUGH_WINDOW";

    public DataQualityChecks {
        if (followUpGap.isNegative() || followUpGap.isZero()) {
            throw new IllegalArgumentException("the follow-up gap must be positive");
        }
        if (troughDayTolerance < 0 || troughDay - troughDayTolerance < 1) {
            throw new IllegalArgumentException("the trough day window must start on day 1 or later");
        }
    }

    /** One report per site of {@code patients}, sites in alphabetical order, every check in every report. */
    public List<DataQualityReport> run(List<MonitoredPatient> patients, LocalDate today) {
        Map<String, List<MonitoredPatient>> bySite = new TreeMap<>();
        patients.forEach(p -> bySite.computeIfAbsent(p.siteCode(), s -> new ArrayList<>()).add(p));
        return bySite.entrySet().stream().map(site -> report(site.getKey(), site.getValue(), today)).toList();
    }

    DataQualityReport report(String site, List<MonitoredPatient> patients, LocalDate today) {
        List<MonitoredPatient> sorted = patients.stream().sorted(Comparator.comparing(MonitoredPatient::upn)).toList();
        return new DataQualityReport(site, List.of(
                checked("NO_BASELINE_MARROW", "No baseline marrow", sorted, this::noBaselineMarrow),
                checked("NO_DAY10_TROUGH", "No day-" + troughDay + " trough on venetoclax", sorted, p -> noTroughOnDay(p, today)),
                checked("TROUGH_OUTSIDE_WINDOW", "Trough sampled outside the trough window", sorted, this::troughOutsideWindow),
                checked("MISSING_FOLLOW_UP", "No news for more than " + inWords(followUpGap), sorted, p -> missingFollowUp(p, today)),
                new Check("AE_WITHOUT_GRADE", "Adverse event without a grade", Status.IMPOSSIBLE,
                        "patient-service refuses an adverse event without a CTCAE grade 1-5 (400), so none can exist", List.of()),
                new Check("COURSE_WITHOUT_DOSE_BASIS", "Course without a dose basis", Status.IMPOSSIBLE,
                        "patient-service refuses a treatment course without its dose basis (400), so none can exist", List.of()),
                checked("EVENTS_OUT_OF_ORDER", "Events out of order", sorted, this::eventsOutOfOrder)));
    }

    private interface PatientCheck {
        Optional<Finding> check(MonitoredPatient patient);
    }

    private static Check checked(String code, String title, List<MonitoredPatient> patients, PatientCheck check) {
        return new Check(code, title, Status.CHECKED, null,
                patients.stream().map(check::check).flatMap(Optional::stream).toList());
    }

    Optional<Finding> noBaselineMarrow(MonitoredPatient p) {
        List<LocalDate> without = p.assessments().stream().filter(a -> !a.hasBaseline())
                .map(MonitoredPatient.Assessment::date).sorted().toList();
        return without.isEmpty() ? Optional.empty()
                : finding(p, "response measured without a pre-treatment marrow on " + without, FixTarget.ASSESSMENTS);
    }

    Optional<Finding> noTroughOnDay(MonitoredPatient p, LocalDate today) {
        Optional<LocalDate> death = deathDate(p);
        List<LocalDate> missing = new ArrayList<>();
        for (Course course : p.courses()) {
            LocalDate first = studyDay(course, troughDay - troughDayTolerance);
            LocalDate last = studyDay(course, troughDay + troughDayTolerance);
            boolean windowPassed = last.isBefore(today);
            boolean treatedThrough = course.endDate() == null || !course.endDate().isBefore(first);
            boolean aliveThrough = death.map(d -> !d.isBefore(first)).orElse(true);
            boolean sampled = p.samples().stream().filter(s -> TROUGH.equals(s.kind()))
                    .map(s -> s.sampledAt().toLocalDate()).anyMatch(d -> !d.isBefore(first) && !d.isAfter(last));
            if (windowPassed && treatedThrough && aliveThrough && !sampled) {
                missing.add(course.startDate());
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : finding(p, "no trough on days " + (troughDay - troughDayTolerance) + "-" + (troughDay + troughDayTolerance)
                        + " of the course started " + missing, FixTarget.SAMPLES);
    }

    Optional<Finding> troughOutsideWindow(MonitoredPatient p) {
        List<LocalDate> outside = p.samples().stream().filter(s -> s.flags().contains(OUTSIDE_TROUGH_WINDOW))
                .map(s -> s.sampledAt().toLocalDate()).sorted().toList();
        return outside.isEmpty() ? Optional.empty()
                : finding(p, "trough sampled outside the window on " + outside, FixTarget.SAMPLES);
    }

    Optional<Finding> missingFollowUp(MonitoredPatient p, LocalDate today) {
        if (deathDate(p).isPresent()) {
            return Optional.empty();
        }
        Optional<LocalDate> lastNews = datesOf(p).max(Comparator.naturalOrder());
        if (lastNews.isEmpty() || !lastNews.get().plus(followUpGap).isBefore(today)) {
            return Optional.empty();
        }
        return finding(p, "last news on " + lastNews.get() + ", " + ChronoUnit.DAYS.between(lastNews.get(), today)
                + " days ago", FixTarget.CLINICAL_EVENTS);
    }

    Optional<Finding> eventsOutOfOrder(MonitoredPatient p) {
        List<String> problems = new ArrayList<>();
        deathDate(p).ifPresent(death -> datesOf(p).filter(d -> d.isAfter(death)).sorted().findFirst()
                .ifPresent(d -> problems.add("a record dated " + d + " after death on " + death)));
        for (Course course : p.courses()) {
            if (course.endDate() != null && course.endDate().isBefore(course.startDate())) {
                problems.add("a course ending on " + course.endDate() + " before it started on " + course.startDate());
            }
        }
        if (p.diagnosisDate() != null) {
            Stream.concat(p.courses().stream().map(Course::startDate), p.clinicalEvents().stream().map(DatedEvent::date))
                    .filter(d -> d.isBefore(p.diagnosisDate())).sorted().findFirst()
                    .ifPresent(d -> problems.add("a course or event dated " + d + " before the diagnosis on " + p.diagnosisDate()));
        }
        return problems.isEmpty() ? Optional.empty() : finding(p, String.join("; ", problems), FixTarget.PATIENT);
    }

    private static String inWords(Period period) {
        return period.getYears() == 0 && period.getMonths() == 0 ? period.getDays() + " days" : period.toString();
    }

    private static LocalDate studyDay(Course course, int day) {
        return course.startDate().plusDays(day - 1L);
    }

    private static Optional<LocalDate> deathDate(MonitoredPatient p) {
        return p.clinicalEvents().stream().filter(e -> DEATH.equals(e.kind())).map(DatedEvent::date).min(Comparator.naturalOrder());
    }

    /** Every date the patient was heard of: courses, clinical events, marrows and samples. */
    private static Stream<LocalDate> datesOf(MonitoredPatient p) {
        return Stream.of(p.courses().stream().map(Course::startDate),
                p.courses().stream().map(Course::endDate).filter(d -> d != null),
                p.clinicalEvents().stream().map(DatedEvent::date),
                p.assessments().stream().map(MonitoredPatient.Assessment::date),
                p.samples().stream().map(s -> s.sampledAt().toLocalDate())).flatMap(s -> s);
    }

    private static Optional<Finding> finding(MonitoredPatient p, String detail, FixTarget fix) {
        return Optional.of(new Finding(p.patientId(), p.upn(), detail, fix));
    }
}
