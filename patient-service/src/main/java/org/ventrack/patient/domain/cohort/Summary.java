package org.ventrack.patient.domain.cohort;

import java.math.BigDecimal;

/**
 * Median and range of a numeric characteristic. {@code n} counts the patients with a value; the other fields are
 * {@code null} when {@code n} is 0. Values carry one decimal (HALF_UP), rounded after the median is taken.
 */
public record Summary(int n, BigDecimal median, BigDecimal min, BigDecimal max) {
}
