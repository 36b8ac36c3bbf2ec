package org.ventrack.patient.domain.cohort;

import java.math.BigDecimal;

/** Patients with one value of a characteristic, and their percentage of the whole cohort (one decimal, HALF_UP). */
public record Count(String value, int n, BigDecimal percent) {
}
