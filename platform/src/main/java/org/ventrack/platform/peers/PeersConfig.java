package org.ventrack.platform.peers;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where a service reaches the other services whose REST APIs it calls on a caller's behalf (patient-service hands
 * imported assessments to response-service and drug levels to pk-service, with the caller's own token, so that each
 * record passes its owner's validation, site scoping and audit).
 */
@ConfigMapping(prefix = "ventrack.peers")
public interface PeersConfig {

    /** Base URL of response-service, e.g. http://response-service in a cluster; unset: not reachable from here. */
    Optional<URI> responseService();

    /** Base URL of pk-service; unset: not reachable from here. */
    Optional<URI> pkService();

    /** How long to wait for a connection to a peer. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long to wait for a peer's whole answer. */
    @WithDefault("30s")
    Duration requestTimeout();
}
