package org.ventrack.pk.domain.trough;

/**
 * Thresholds of the venetoclax sample judgement. Every value is a setting; {@link #defaults()} says where each default
 * comes from.
 *
 * @param steadyStateMinCourseDay steady state needs the sample on this course day or later (course day 1 = start)
 * @param steadyStateMinDaysSinceDoseChange and at least this many days since the last dose change
 * @param troughWindowFromHours a trough is expected at least this many hours after the last dose
 * @param troughWindowToHours and at most this many hours after it
 * @param referenceLowNgPerMl troughs below this are BELOW_RANGE
 * @param referenceHighNgPerMl troughs above this are ABOVE_RANGE
 * @param interactionFactor INTERACTION_SUSPECTED needs a dose-normalised trough at least this many times the
 *        interaction-free reference median (with a strong CYP3A inhibitor active)
 * @param minInteractionFreeSamples the cohort median is used only if it rests on at least this many samples
 * @param fallbackInteractionFreeMedian reference median in (ng/mL)/mg used when the cohort has too few samples
 */
public record TroughSettings(int steadyStateMinCourseDay, int steadyStateMinDaysSinceDoseChange,
        double troughWindowFromHours, double troughWindowToHours, double referenceLowNgPerMl,
        double referenceHighNgPerMl, double interactionFactor, int minInteractionFreeSamples,
        double fallbackInteractionFreeMedian) {

    public TroughSettings {
        if (troughWindowFromHours > troughWindowToHours) {
            throw new IllegalArgumentException("trough window from " + troughWindowFromHours + " h after to "
                    + troughWindowToHours + " h");
        }
        if (referenceLowNgPerMl > referenceHighNgPerMl) {
            throw new IllegalArgumentException("reference range low " + referenceLowNgPerMl + " above high "
                    + referenceHighNgPerMl);
        }
        if (!(interactionFactor > 0) || !(fallbackInteractionFreeMedian > 0)) {
            throw new IllegalArgumentException("interaction factor and fallback median must be positive");
        }
    }

    /**
     * Defaults and their sources:
     * <ul>
     * <li>steady state from course day 10: Cousson et al. 2025 (Br J Haematol, venetoclax in paediatric r/r AML),
     * Methods: "trough venetoclax plasma concentrations were measured at steady state, that is, 10 days after
     * initiation".</li>
     * <li>5 days since the last dose change: about 5 half-lives of venetoclax (terminal half-life about 26 h, US label
     * Venclexta section 12.3), after which a new steady state is reached within a few percent.</li>
     * <li>trough window 20-28 h: once-daily dosing (24 h interval) plus or minus 4 h, a project convention for
     * pre-dose samples; not from a publication.</li>
     * <li>reference range 500-3000 ng/mL: NOT a validated therapeutic range (none is established for venetoclax),
     * configurable placeholder to be set by the pharmacology laboratory. Upper bound: about the adult mean Cmax plus
     * one SD at 400 mg daily (2.1 +/- 1.1 ug/mL, US label 12.3) and below 3681 ng/mL, which Cousson et al. call
     * "above the recommended range". Lower bound: a placeholder under the adult mean concentration at 400 mg
     * (AUC0-24 32.8 ug.h/mL / 24 h = 1.37 ug/mL, US label 12.3); Cousson et al. report children's troughs
     * (214-439 ng/mL) "lower than those typically measured in adults".</li>
     * <li>interaction factor 5: project choice; the two voriconazole troughs of Cousson et al. Table 4 are about 36
     * (ng/mL)/mg, 16-70 times the interaction-free ones (0.53-2.28).</li>
     * <li>at least 5 interaction-free samples for a cohort median: project choice.</li>
     * <li>fallback median 1.00 (ng/mL)/mg: median of the six interaction-free dose-normalised troughs of Cousson et
     * al. Table 4 (2.28, 1.09, 1.26, 0.91, 0.54, 0.55 recomputed from trough and dose).</li>
     * </ul>
     */
    public static TroughSettings defaults() {
        return new TroughSettings(10, 5, 20, 28, 500, 3000, 5, 5, 1.00);
    }
}
