package org.ventrack.pk.domain.dose;

import java.util.List;

/**
 * The daily venetoclax dose and the rules that produced it.
 *
 * @param dailyDoseMg the dose to give, rounded to what can be given
 * @param administration how to give it (tablets or suspension)
 * @param bsaM2 body surface area used (Mosteller)
 * @param targetDoseMg the unrounded target dose before phase and inhibitor adjustments
 * @param rulePath each rule applied, with its thresholds and values, in order
 */
public record DoseDecision(double dailyDoseMg, String administration, double bsaM2, double targetDoseMg,
        List<String> rulePath) {

    public DoseDecision {
        rulePath = List.copyOf(rulePath);
    }
}
