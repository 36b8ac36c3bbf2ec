package org.ventrack.pk.config;

import java.util.List;

import org.ventrack.pk.domain.trough.TroughSettings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The judgement's thresholds (defaults and their sources in {@link TroughSettings#defaults()}) and which flags
 * raise an alert.
 */
@ConfigMapping(prefix = "ventrack.pk")
public interface PkConfig {

    /** Steady state from this course day (course day 1 = the venetoclax start). */
    @WithDefault("10")
    int steadyStateMinCourseDay();

    /** Steady state needs this many days since the last dose change. */
    @WithDefault("5")
    int steadyStateMinDaysSinceDoseChange();

    /** Trough window, hours after the last dose: from. */
    @WithDefault("20")
    double troughWindowFromHours();

    /** Trough window, hours after the last dose: to. */
    @WithDefault("28")
    double troughWindowToHours();

    /** Troughs below are BELOW_RANGE (a placeholder, not a validated range: set by the laboratory). */
    @WithDefault("500")
    double referenceLowNgPerMl();

    /** Troughs above are ABOVE_RANGE. */
    @WithDefault("3000")
    double referenceHighNgPerMl();

    /** INTERACTION_SUSPECTED: a strong CYP3A inhibitor and a dose-normalised trough this many times the reference. */
    @WithDefault("5")
    double interactionFactor();

    /** The cohort's interaction-free median is the reference once it rests on this many samples. */
    @WithDefault("5")
    int minInteractionFreeSamples();

    /** Reference median in (ng/mL)/mg until then: the interaction-free troughs of Cousson et al. 2025, Table 4. */
    @WithDefault("1.00")
    double fallbackInteractionFreeMedian();

    /**
     * How long the cohort's interaction-free median is reused before it is read again (it moves slowly, and reading
     * it scans every trough); 0 reads it for every judgement.
     */
    @WithDefault("60")
    int referenceCacheSeconds();

    /** Flags that raise an alert for the site's clinicians; the others are shown with the sample only. */
    @WithDefault("ABOVE_RANGE,INTERACTION_SUSPECTED")
    List<String> alertingFlags();

    default TroughSettings troughSettings() {
        return new TroughSettings(steadyStateMinCourseDay(), steadyStateMinDaysSinceDoseChange(), troughWindowFromHours(),
                troughWindowToHours(), referenceLowNgPerMl(), referenceHighNgPerMl(), interactionFactor(),
                minInteractionFreeSamples(), fallbackInteractionFreeMedian());
    }
}
