package org.ventrack.platform.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ventrack.security.token-cache")
public interface TokenCacheConfig {

    /** Most verified tokens remembered; the cache starts afresh when full. 0 turns the cache off. */
    @WithDefault("4096")
    int maxSize();

    /**
     * Longest time a verified token is accepted without checking its signature again (never past its expiry): how
     * long a token signed by a key withdrawn from the trusted key set can still be accepted.
     */
    @WithDefault("5m")
    Duration maxAge();
}
