package org.ventrack.patient.domain.cohort;

/**
 * One adverse event as Table 2 sees it: a CTCAE v5.0 term, grade 1-5, the serious (hospitalisation) flag and the
 * regimen running at onset ({@code null}: the patient's regimen is used).
 */
public record CohortAdverseEvent(String patientId, String regimen, String term, int grade, boolean serious) {}
