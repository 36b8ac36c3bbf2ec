package org.ventrack.survival.service;

import java.util.List;
import java.util.Locale;

import org.ventrack.platform.problem.ProblemException;
import org.ventrack.survival.domain.stats.ConfType;

/**
 * The options of a survival analysis, parsed from a request: 400 with the field for anything unknown.
 *
 * @param genetic with {@code groupBy=genetic:<label>}: patients whose alterations name the label (case-insensitive,
 *                e.g. {@code KMT2A} matches {@code KMT2A t(9;11)}) against the others
 */
public record Analysis(Endpoint endpoint, GroupBy groupBy, String genetic, ConfType confType, double confLevel,
        double[] times, Unit unit) {

    public enum Endpoint {
        OS, EFS
    }

    public enum GroupBy {
        NONE, REGIMEN, SITE, BEST_RESPONSE, HSCT, GENETIC
    }

    /** Parses every option of a Kaplan-Meier request; {@code groupBy} may be {@code genetic:<label>}. */
    public static Analysis of(Endpoint endpoint, String groupBy, String confType, Double confLevel, List<String> times,
            String unit) {
        String genetic = null;
        String grouping = groupBy;
        if (groupBy != null && groupBy.toLowerCase(Locale.ROOT).startsWith("genetic:")) {
            genetic = groupBy.substring("genetic:".length()).trim();
            grouping = "genetic";
            if (genetic.isEmpty()) {
                throw ProblemException.invalid("groupBy", "genetic: needs the label of an alteration, e.g. genetic:KMT2A");
            }
        } else if ("genetic".equalsIgnoreCase(groupBy)) {
            throw ProblemException.invalid("groupBy", "genetic: needs the label of an alteration, e.g. genetic:KMT2A");
        }
        return new Analysis(endpoint, option(GroupBy.class, "groupBy", grouping, GroupBy.NONE), genetic,
                option(ConfType.class, "confType", confType, ConfType.LOG), confLevel(confLevel), times(times),
                option(Unit.class, "unit", unit, Unit.DAYS));
    }

    public enum Unit {
        DAYS(1), MONTHS(30.4375);

        private final double days;

        Unit(double days) {
            this.days = days;
        }

        public double fromDays(double value) {
            return value / days;
        }
    }

    public static <E extends Enum<E>> E option(Class<E> type, String field, String value, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    .toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    public static double confLevel(Double value) {
        if (value == null) {
            return 0.95;
        }
        if (!(value > 0 && value < 1)) {
            throw ProblemException.invalid("confLevel", "must lie strictly between 0 and 1");
        }
        return value;
    }

    /** "365,730" or repeated values; each a finite number >= 0. */
    public static double[] times(java.util.List<String> values) {
        return values.stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::trim)
                .filter(v -> !v.isEmpty()).mapToDouble(v -> {
                    try {
                        double t = Double.parseDouble(v);
                        if (Double.isFinite(t) && t >= 0) {
                            return t;
                        }
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                    throw ProblemException.invalid("times", "must be numbers >= 0, not " + v);
                }).toArray();
    }
}
