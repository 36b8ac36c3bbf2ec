package org.ventrack.survival.domain.tte;

/** When a primary treatment failure counts as an EFS event. */
public enum EfsFailureTime {
    /** at day 0, the ELN 2022 convention (Döhner et al., Blood 2022): failure means no event-free time at all */
    DAY_ZERO,
    /** on the date the failure was established (the last evaluable assessment) */
    ESTABLISHED
}
