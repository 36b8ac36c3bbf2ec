package org.ventrack.patient.domain.cohort;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared arithmetic and checks of the cohort tables. */
final class CohortStats {

    static final String UNKNOWN = "UNKNOWN";
    static final String NONE = "NONE";

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static final Comparator<String> BY_VALUE =
            Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));

    private CohortStats() {
    }

    static Summary summary(Collection<BigDecimal> values) {
        if (values.isEmpty()) {
            return new Summary(0, null, null, null);
        }
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int size = sorted.size();
        BigDecimal median = size % 2 == 1
                ? sorted.get(size / 2)
                : sorted.get(size / 2 - 1).add(sorted.get(size / 2)).divide(TWO);
        return new Summary(size, oneDecimal(median), oneDecimal(sorted.get(0)), oneDecimal(sorted.get(size - 1)));
    }

    static BigDecimal percent(int count, int total) {
        return BigDecimal.valueOf(count).multiply(HUNDRED).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
    }

    /** Counts as rows, most frequent first, ties by value; {@code total} is the percentage denominator. */
    static List<Count> counts(Map<String, Integer> tally, int total, Comparator<String> valueOrder) {
        List<Count> rows = new ArrayList<>();
        tally.forEach((value, n) -> rows.add(new Count(value, n, percent(n, total))));
        rows.sort(valueOrder == null
                ? Comparator.comparingInt(Count::n).reversed().thenComparing(Count::value, BY_VALUE)
                : Comparator.comparing(Count::value, valueOrder));
        return List.copyOf(rows);
    }

    static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static void requireDistinctIds(List<CohortPatient> patients) {
        Set<String> seen = new HashSet<>();
        for (CohortPatient p : patients) {
            if (p.patientId() == null || p.patientId().isBlank()) {
                throw new IllegalArgumentException("a cohort patient has no patientId");
            }
            if (!seen.add(p.patientId())) {
                throw new IllegalArgumentException("patient " + p.patientId() + " appears twice in the cohort");
            }
        }
    }

    private static BigDecimal oneDecimal(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP);
    }
}
