package org.ventrack.survival.domain.tte;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Overall and event-free survival times of one patient, from the venetoclax start, with the facts they came from.
 * <ul>
 * <li>OS: death from any cause; otherwise censored at the last news (the latest dated fact: follow-up, HSCT,
 * relapse, progression, an assessment).</li>
 * <li>EFS: the first of treatment failure (no CR/CRi/PR under the study's criteria: at day 0 by default, the ELN
 * convention, or on the date it was established), relapse (a clinical relapse, or a relapse after complete remission
 * seen in the marrow), progression, death; otherwise censored at the last news.</li>
 * </ul>
 * A patient without a venetoclax start has no time origin and is not analysable.
 */
public final class TimeToEvent {

    /** One endpoint's time in days and whether it ended with the event; {@code cause} says which fact decided. */
    public record Outcome(long days, boolean event, String cause, LocalDate date) {
    }

    /** Both endpoints, the last news, and HSCT after the start (for grouping). */
    public record Times(Outcome os, Outcome efs, LocalDate lastNews, LocalDate hsctDate) {
    }

    private TimeToEvent() {
    }

    public static Optional<Times> of(PatientHistory p, EfsFailureTime failureTime) {
        LocalDate start = p.venetoclaxStart();
        if (start == null) {
            return Optional.empty();
        }
        List<PatientHistory.DatedEvent> events = p.clinicalEvents().stream()
                .filter(e -> !e.date().isBefore(start))
                .sorted(Comparator.comparing(PatientHistory.DatedEvent::date)).toList();
        LocalDate lastNews = start;
        for (PatientHistory.DatedEvent e : events) {
            lastNews = max(lastNews, e.date());
        }
        PatientHistory.Response r = p.response();
        if (r != null) {
            lastNews = max(lastNews, r.lastAssessmentDate());
        }
        Optional<LocalDate> death = first(events, "DEATH");
        Outcome os = death.map(d -> outcome(start, d, true, "death"))
                .orElse(outcome(start, lastNews, false, "alive at last news"));

        List<Outcome> efsEvents = new ArrayList<>();
        death.ifPresent(d -> efsEvents.add(outcome(start, d, true, "death")));
        first(events, "RELAPSE").ifPresent(d -> efsEvents.add(outcome(start, d, true, "relapse")));
        first(events, "PROGRESSION").ifPresent(d -> efsEvents.add(outcome(start, d, true, "progression")));
        if (r != null && r.relapseAfterCompleteRemission() && r.relapseDate() != null) {
            efsEvents.add(outcome(start, r.relapseDate(), true, "relapse after complete remission (marrow)"));
        }
        if (r != null && r.treatmentFailure()) {
            LocalDate when = failureTime == EfsFailureTime.DAY_ZERO || r.treatmentFailureDate() == null ? start
                    : r.treatmentFailureDate();
            efsEvents.add(outcome(start, when, true, "treatment failure (" + r.bestResponse() + ")"));
        }
        Outcome efs = efsEvents.stream().min(Comparator.comparingLong(Outcome::days))
                .orElse(outcome(start, lastNews, false, "event-free at last news"));
        LocalDate hsct = first(events, "HSCT").orElse(null);
        return Optional.of(new Times(os, efs, lastNews, hsct));
    }

    private static Outcome outcome(LocalDate start, LocalDate date, boolean event, String cause) {
        return new Outcome(ChronoUnit.DAYS.between(start, date), event, cause, date);
    }

    private static Optional<LocalDate> first(List<PatientHistory.DatedEvent> events, String kind) {
        return events.stream().filter(e -> kind.equals(e.kind())).map(PatientHistory.DatedEvent::date).findFirst();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
