package org.ventrack.pk.domain.trough;

/** When in the dosing interval a venetoclax sample was meant to be taken. */
public enum SampleKind {
    /** Just before the next dose (residual concentration). */
    TROUGH,
    /** Around the time of the maximum concentration (5-8 h after the dose). */
    PEAK,
    OTHER
}
