package org.ventrack.patient.domain.cohort;

import java.util.Map;

/**
 * One line of the toxicity table: a term, its cell for every regimen of the cohort (keyed by regimen code), and the
 * distinct patients over all regimens.
 */
public record TermRow(String term, Map<String, Cell> byRegimen, int anyGradeTotal, int grade3PlusTotal) {
}
