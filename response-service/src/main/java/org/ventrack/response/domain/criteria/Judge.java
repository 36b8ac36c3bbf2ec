package org.ventrack.response.domain.criteria;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the thresholds a criteria set judges and the inputs it misses, then states the category. */
final class Judge {

    private final ResponseCriteria criteria;
    private final List<Reason> reasons = new ArrayList<>();
    private final Set<String> missing = new LinkedHashSet<>();

    Judge(ResponseCriteria criteria) {
        this.criteria = criteria;
    }

    boolean check(String criterion, boolean met, String values) {
        reasons.add(new Reason(criterion, met, values));
        return met;
    }

    /** Records every null input as missing; true when all are present. */
    boolean require(String criterion, Object... namesAndValues) {
        boolean complete = true;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                missing.add((String) namesAndValues[i]);
                complete = false;
            }
        }
        if (!complete) {
            reasons.add(new Reason(criterion, null, "missing " + String.join(", ", missing)));
        }
        return complete;
    }

    Classification notEvaluable() {
        return result(Category.NOT_EVALUABLE, false);
    }

    Classification result(Category category, boolean mrdNegative) {
        return new Classification(criteria.name(), criteria.version(), category,
                category.completeRemission() && mrdNegative, List.copyOf(reasons), List.copyOf(missing));
    }

    static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString() + " %";
    }

    static String gPerL(String what, BigDecimal value) {
        return what + " " + value.stripTrailingZeros().toPlainString() + " G/L";
    }

    /** "blasts 12 % from 30 % at baseline (decrease 60 %)". */
    static String fromBaseline(BigDecimal blasts, BigDecimal baseline) {
        String text = "blasts " + percent(blasts) + " from " + percent(baseline) + " at baseline";
        if (baseline.signum() > 0) {
            BigDecimal decrease = baseline.subtract(blasts).multiply(BigDecimal.valueOf(100))
                    .divide(baseline, 1, RoundingMode.HALF_UP);
            text += " (decrease " + percent(decrease) + ")";
        }
        return text;
    }

    /** blasts <= half the baseline, exactly, without division. */
    static int compareToHalfOf(BigDecimal blasts, BigDecimal baseline) {
        return blasts.multiply(BigDecimal.valueOf(2)).compareTo(baseline);
    }
}
