package org.ventrack.patient.domain.rules;

/**
 * Strength of CYP3A inhibition by a co-medication, in the FDA's clinical classes. Weak inhibitors and drugs not on
 * the maintained list ({@link Cyp3aInhibitors}) are {@code NONE}: the class only drives venetoclax dose rules, which
 * act on strong and moderate inhibitors.
 */
public enum Cyp3aInhibition {
    STRONG, MODERATE, NONE
}
