package org.ventrack.platform.problem;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ventrack.problem")
public interface ProblemConfig {

    /** The Retry-After of a 503 answered while the database cannot be reached (a PostgreSQL restart takes seconds). */
    @WithDefault("5s")
    Duration databaseRetryAfter();
}
