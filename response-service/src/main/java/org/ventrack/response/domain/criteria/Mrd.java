package org.ventrack.response.domain.criteria;

/** Measurable residual disease by flow cytometry. */
public enum Mrd {
    NEGATIVE,
    POSITIVE
}
