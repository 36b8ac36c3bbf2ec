package org.ventrack.pk.domain.dose;

/** How the daily dose is given, which decides the rounding step. */
public enum Formulation {
    /** 10, 50 and 100 mg film-coated tablets. */
    TABLET,
    /** Oral suspension measured in mg (small children who cannot swallow tablets). */
    ORAL_SUSPENSION
}
