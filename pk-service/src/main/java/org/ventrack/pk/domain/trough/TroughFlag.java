package org.ventrack.pk.domain.trough;

/** What a reader of a venetoclax concentration should notice. */
public enum TroughFlag {
    ABOVE_RANGE,
    BELOW_RANGE,
    INTERACTION_SUSPECTED,
    NOT_STEADY_STATE,
    OUTSIDE_TROUGH_WINDOW,
    BELOW_LLOQ
}
