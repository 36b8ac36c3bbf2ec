package org.ventrack.response.domain.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Median and range of a list of values, as the paper's Table 1 reports them; empty lists give nulls. */
public record Distribution(int n, BigDecimal median, BigDecimal min, BigDecimal max) {

    public static Distribution of(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return new Distribution(0, null, null, null);
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 6, RoundingMode.HALF_EVEN);
        return new Distribution(n, plain(median), plain(sorted.get(0)), plain(sorted.get(n - 1)));
    }

    /** 28.500 reads 28.5 and 50.000 reads 50 (not 5E+1). */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
