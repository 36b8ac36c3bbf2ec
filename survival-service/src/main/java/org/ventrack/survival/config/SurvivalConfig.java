package org.ventrack.survival.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How survival is derived and how much a stateless request may carry. */
@ConfigMapping(prefix = "ventrack.survival")
public interface SurvivalConfig {

    /** The response criteria set whose treatment failure and relapse define EFS events. */
    @WithDefault("COUSSON_2025")
    String criteria();

    /** When a primary treatment failure is an EFS event: DAY_ZERO (ELN convention) or ESTABLISHED. */
    @WithDefault("DAY_ZERO")
    String efsFailureTime();

    /** Most subjects a stateless Kaplan-Meier request may carry; more is a 413. */
    @WithDefault("2000000")
    int maxSubjects();
}
