package org.ventrack.patient.domain;

public enum DeathCause {
    DISEASE, TRANSPLANT_RELATED, INFECTION, OTHER
}
