package org.ventrack.pk.domain.trough;

/**
 * The cohort's median dose-normalised trough, in (ng/mL)/mg, over samples without a CYP3A inhibitor, and how many
 * samples it rests on. The service computes it; {@link #none()} when it has none.
 */
public record InteractionFreeReference(Double cohortMedianNgPerMlPerMg, int sampleCount) {

    public static InteractionFreeReference none() {
        return new InteractionFreeReference(null, 0);
    }
}
