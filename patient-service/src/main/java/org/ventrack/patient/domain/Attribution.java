package org.ventrack.patient.domain;

/** Attribution of an adverse event to venetoclax. */
public enum Attribution {
    UNRELATED, UNLIKELY, POSSIBLE, PROBABLE, DEFINITE
}
