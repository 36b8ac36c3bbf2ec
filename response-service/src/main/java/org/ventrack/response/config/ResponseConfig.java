package org.ventrack.response.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How responses are judged and summarised. */
@ConfigMapping(prefix = "ventrack.response")
public interface ResponseConfig {

    /** The criteria set used when a request names none: COUSSON_2025 (the founding paper's) or ELN_2022. */
    @WithDefault("COUSSON_2025")
    String defaultCriteria();

    /** How many days before the venetoclax start an unflagged marrow may lie and still be the baseline. */
    @WithDefault("28")
    int baselineWindowDays();

    /** Confidence level of the exact (Clopper-Pearson) intervals of response rates. */
    @WithDefault("0.95")
    double confLevel();
}
