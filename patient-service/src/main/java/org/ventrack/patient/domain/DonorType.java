package org.ventrack.patient.domain;

public enum DonorType {
    HAPLOIDENTICAL, MATCHED_UNRELATED, MATCHED_SIBLING, CORD, OTHER
}
