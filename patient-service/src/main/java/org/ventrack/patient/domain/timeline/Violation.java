package org.ventrack.patient.domain.timeline;

/** A broken consistency rule, named by the field whose value breaks it. */
public record Violation(String field, String message) {
}
