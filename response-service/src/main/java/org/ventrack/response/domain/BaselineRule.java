package org.ventrack.response.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.ventrack.response.domain.criteria.Marrow;

/**
 * Which marrow is the baseline (pre-venetoclax) one that decreases of blasts are measured against:
 * <ol>
 * <li>an assessment the site flagged as baseline, dated on or before the venetoclax start (the latest such one);</li>
 * <li>otherwise the latest assessment dated on or before the venetoclax start and at most {@code windowDays}
 * before it;</li>
 * <li>otherwise none: PR and NR are then not evaluable.</li>
 * </ol>
 * Only marrows with a blast count qualify. Without a known venetoclax start there is no baseline either.
 */
public record BaselineRule(int windowDays) {

    /** The baseline marrow and why it was chosen. */
    public record Baseline(Marrow marrow, String rule) {
    }

    public Optional<Baseline> select(List<Marrow> assessments, LocalDate venetoclaxStart) {
        if (venetoclaxStart == null) {
            return Optional.empty();
        }
        Comparator<Marrow> byDate = Comparator.comparing(Marrow::date);
        List<Marrow> counted = assessments.stream().filter(m -> m.blastPercent() != null).toList();
        Optional<Marrow> flagged = counted.stream()
                .filter(m -> m.flaggedBaseline() && !m.date().isAfter(venetoclaxStart))
                .max(byDate);
        if (flagged.isPresent()) {
            return flagged.map(m -> new Baseline(m, "flagged as baseline by the site"));
        }
        LocalDate earliest = venetoclaxStart.minusDays(windowDays);
        return counted.stream()
                .filter(m -> !m.date().isAfter(venetoclaxStart) && !m.date().isBefore(earliest))
                .max(byDate)
                .map(m -> new Baseline(m, "latest marrow on or before the venetoclax start (" + venetoclaxStart
                        + ") within " + windowDays + " days"));
    }
}
