package org.ventrack.pk.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding of displayed values: half-up on the decimal value, as a reader rounds by hand. */
public final class Decimals {

    private Decimals() {
    }

    public static BigDecimal round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }

    /** Plain text of a number without trailing zeros or exponent, for reasons. */
    public static String text(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
