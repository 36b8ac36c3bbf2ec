package org.ventrack.survival.config;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The thresholds of the data-quality checks a study monitor runs. */
@ConfigMapping(prefix = "ventrack.data-quality")
public interface DataQualityConfig {

    /** How long without any news of a living patient counts as missing follow-up (ISO-8601 period). */
    @WithDefault("P90D")
    Period followUpGap();

    /** The study day of the steady-state trough (day 1 = first day of the course). */
    @WithDefault("10")
    int troughDay();

    /** Days either side of the trough day that still count. */
    @WithDefault("2")
    int troughDayTolerance();
}
