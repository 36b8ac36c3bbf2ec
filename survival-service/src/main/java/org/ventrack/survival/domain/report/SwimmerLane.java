package org.ventrack.survival.domain.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.ventrack.survival.domain.tte.PatientHistory;
import org.ventrack.survival.domain.tte.TimeToEvent;

/**
 * One patient's lane of a swimmer plot: from the venetoclax start to the end of follow-up (death, or the last news
 * when alive, as the overall survival time), with the dated facts marked on it.
 *
 * @param days  the length of the bar: the overall survival time in days
 * @param alive true when the patient was alive at the last news (the bar ends with an arrow)
 * @param marks in date order
 */
public record SwimmerLane(UUID patientId, String upn, String siteCode, String regimen, LocalDate start, LocalDate end,
        long days, boolean alive, String bestResponse, List<Mark> marks) {

    /** What a mark stands for. */
    public enum MarkKind {
        /** the best response, on the date it was first seen; label: the response */
        BEST_RESPONSE,
        /** the first complete remission (CR or CRi) */
        FIRST_COMPLETE_REMISSION,
        HSCT,
        /** a clinical relapse, or a relapse after complete remission seen in the marrow */
        RELAPSE,
        PROGRESSION,
        DEATH
    }

    /** A dated fact on the lane, {@code day} days after the start. */
    public record Mark(MarkKind kind, long day, LocalDate date, String label) {
    }

    /** Longest lane first, then by UPN so the order is stable. */
    public static final Comparator<SwimmerLane> LONGEST_FIRST = Comparator.comparingLong(SwimmerLane::days).reversed()
            .thenComparing(SwimmerLane::upn, Comparator.nullsLast(Comparator.naturalOrder()));

    public static SwimmerLane of(PatientHistory p, String upn, TimeToEvent.Times t) {
        LocalDate start = p.venetoclaxStart();
        LocalDate end = t.os().date();
        List<Mark> marks = new ArrayList<>();
        PatientHistory.Response r = p.response();
        if (r != null) {
            mark(marks, MarkKind.BEST_RESPONSE, r.bestResponseDate(), r.bestResponse(), start, end);
            mark(marks, MarkKind.FIRST_COMPLETE_REMISSION, r.firstCompleteRemissionDate(), null, start, end);
            if (r.relapseAfterCompleteRemission()) {
                mark(marks, MarkKind.RELAPSE, r.relapseDate(), "marrow", start, end);
            }
        }
        for (PatientHistory.DatedEvent e : p.clinicalEvents()) {
            switch (e.kind()) {
                case "HSCT" -> mark(marks, MarkKind.HSCT, e.date(), null, start, end);
                case "RELAPSE" -> mark(marks, MarkKind.RELAPSE, e.date(), null, start, end);
                case "PROGRESSION" -> mark(marks, MarkKind.PROGRESSION, e.date(), null, start, end);
                case "DEATH" -> mark(marks, MarkKind.DEATH, e.date(), null, start, end);
                default -> {
                    // last follow-up only ends the bar
                }
            }
        }
        marks.sort(Comparator.comparingLong(Mark::day).thenComparing(Mark::kind));
        return new SwimmerLane(p.patientId(), upn, p.siteCode(), p.regimen(), start, end, t.os().days(),
                !t.os().event(), r == null ? null : r.bestResponse(), List.copyOf(marks));
    }

    /** The response mark a figure shows: the first complete remission when there was one, else the best response. */
    public Mark responseMark() {
        return marks.stream().filter(m -> m.kind() == MarkKind.FIRST_COMPLETE_REMISSION).findFirst()
                .or(() -> marks.stream().filter(m -> m.kind() == MarkKind.BEST_RESPONSE).findFirst()).orElse(null);
    }

    /** Facts dated before the start or after the end of follow-up are not on the lane; a marrow relapse and a
     * clinical relapse on the same day are one mark. */
    private static void mark(List<Mark> marks, MarkKind kind, LocalDate date, String label, LocalDate start,
            LocalDate end) {
        if (date == null || date.isBefore(start) || date.isAfter(end)) {
            return;
        }
        long day = ChronoUnit.DAYS.between(start, date);
        if (marks.stream().noneMatch(m -> m.kind() == kind && m.day() == day)) {
            marks.add(new Mark(kind, day, date, label));
        }
    }
}
