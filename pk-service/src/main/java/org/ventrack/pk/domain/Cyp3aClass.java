package org.ventrack.pk.domain;

/**
 * Strength of a co-medication's CYP3A inhibition, as classified in the venetoclax label's interaction tables
 * (strong: e.g. posaconazole, voriconazole, itraconazole, clarithromycin; moderate: e.g. fluconazole, erythromycin,
 * ciprofloxacin, diltiazem). Ordered from no effect to strongest.
 */
public enum Cyp3aClass {
    NONE, WEAK, MODERATE, STRONG;

    public boolean isAtLeast(Cyp3aClass other) {
        return compareTo(other) >= 0;
    }
}
