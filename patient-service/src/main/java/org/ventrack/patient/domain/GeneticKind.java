package org.ventrack.patient.domain;

public enum GeneticKind {
    FUSION, REARRANGEMENT, MUTATION, CYTOGENETIC, OTHER
}
