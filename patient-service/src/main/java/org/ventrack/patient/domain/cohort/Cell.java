package org.ventrack.patient.domain.cohort;

/** Distinct patients with an adverse-event term under one regimen: at any grade, and at grade 3 or higher. */
public record Cell(int anyGrade, int grade3Plus) {
}
