package org.ventrack.patient.domain.timeline;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ventrack.patient.domain.timeline.DatedFact.Kind;

/**
 * The consistency rules of a patient's dated record: no date before birth or in the future; at most one death and
 * nothing dated after it; outcomes (HSCT after venetoclax, relapse, progression, death, last follow-up) on or after
 * the venetoclax start. A change is judged by the whole timeline it would produce, so corrections and deletions are
 * held to the same rules as new records; problems the record already had are not blamed on the change.
 */
public final class TimelineRules {

    private TimelineRules() {
    }

    /**
     * @param current  every dated fact of the patient now
     * @param replaced the record the change replaces or deletes (null for a new record)
     * @param proposed the facts of the changed record (empty for a deletion)
     * @param today    the date up to which records are accepted, see {@link #latestToday()}
     */
    public static List<Violation> check(List<DatedFact> current, UUID replaced, List<DatedFact> proposed, LocalDate today) {
        List<DatedFact> next = new ArrayList<>(current.stream()
                .filter(f -> replaced == null || !replaced.equals(f.recordId())).toList());
        next.addAll(proposed);
        Set<Found> before = new HashSet<>(violations(current, today));
        String changedField = proposed.isEmpty() ? "id" : proposed.get(0).field();
        return violations(next, today).stream()
                .filter(v -> !before.contains(v))
                .map(v -> new Violation(proposed.stream().anyMatch(f -> f.recordId().equals(v.recordId()) && f.field().equals(v.field()))
                        ? v.field() : changedField, v.message()))
                .distinct()
                .toList();
    }

    /** The latest calendar date anywhere on earth (UTC+14) now, so no site's "today" is refused as the future. */
    public static LocalDate latestToday() {
        return LocalDate.now(ZoneOffset.ofHours(14));
    }

    private record Found(UUID recordId, String field, String message) {
    }

    private static List<Found> violations(List<DatedFact> timeline, LocalDate today) {
        List<Found> found = new ArrayList<>();
        Optional<LocalDate> birth = timeline.stream().filter(f -> f.kind() == Kind.BIRTH).map(DatedFact::date).findFirst();
        Optional<LocalDate> start = timeline.stream().filter(f -> f.kind() == Kind.VENETOCLAX_START)
                .map(DatedFact::date).min(Comparator.naturalOrder());
        List<DatedFact> deaths = timeline.stream().filter(f -> f.kind() == Kind.DEATH)
                .sorted(Comparator.comparing(DatedFact::date)).toList();

        for (DatedFact fact : timeline) {
            if (fact.date().isAfter(today)) {
                found.add(new Found(fact.recordId(), fact.field(), fact.date() + " is in the future"));
            }
            if (fact.kind() != Kind.BIRTH && birth.isPresent() && fact.date().isBefore(birth.get())) {
                found.add(new Found(fact.recordId(), fact.field(), fact.date() + " is before the birth date " + birth.get()));
            }
            if (fact.kind().isOutcome()) {
                if (start.isEmpty()) {
                    found.add(new Found(fact.recordId(), fact.field(), describe(fact.kind())
                            + " is dated from the venetoclax start: record the treatment course first"));
                } else if (fact.date().isBefore(start.get())) {
                    found.add(new Found(fact.recordId(), fact.field(), describe(fact.kind()) + " on " + fact.date()
                            + " is before the venetoclax start " + start.get()));
                }
            }
        }
        for (DatedFact extra : deaths.stream().skip(1).toList()) {
            found.add(new Found(extra.recordId(), extra.field(), "the patient already has a recorded death"));
        }
        if (!deaths.isEmpty()) {
            LocalDate death = deaths.get(0).date();
            for (DatedFact fact : timeline) {
                if (fact.kind() != Kind.DEATH && fact.kind() != Kind.BIRTH && fact.date().isAfter(death)) {
                    found.add(new Found(fact.recordId(), fact.field(), "a record dated " + fact.date() + " (" + fact.field()
                            + ") would follow the death on " + death));
                }
            }
        }
        return found;
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case HSCT -> "a transplant";
            case RELAPSE -> "a relapse";
            case PROGRESSION -> "a progression";
            case DEATH -> "a death";
            case LAST_FOLLOW_UP -> "a last follow-up";
            default -> kind.name().toLowerCase();
        };
    }
}
