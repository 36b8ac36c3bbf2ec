package org.ventrack.patient.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A molecular or cytogenetic finding, e.g. REARRANGEMENT {@code KMT2A t(9;11)} or MUTATION {@code NPM1}. */
public record GeneticAlteration(@NotNull GeneticKind kind, @NotBlank @Size(max = 80) String label) {
}
