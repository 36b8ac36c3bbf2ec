package org.ventrack.platform.health;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ventrack.broker-health")
public interface BrokerHealthConfig {

    /** How often the broker is probed; the health check and the gauge report the last probe. */
    @WithDefault("5s")
    Duration probeInterval();

    /** How long a probe waits for the broker before it counts as unreachable. */
    @WithDefault("3s")
    Duration probeTimeout();
}
