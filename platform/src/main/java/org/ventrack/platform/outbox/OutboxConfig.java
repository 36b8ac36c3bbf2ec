package org.ventrack.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ventrack.outbox")
public interface OutboxConfig {

    /** Whether this instance relays its outbox to Kafka (one relay per database is elected by an advisory lock). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Most events published in one relay round. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay sleeps when no commit wakes it; commits wake it at once. */
    @WithDefault("1s")
    Duration idlePoll();

    /**
     * How long the relay waits after a commit woke it before it reads, so that the events of the commits meanwhile
     * leave in the same round; the most an event waits for that.
     */
    @WithDefault("10ms")
    Duration coalesce();

    /** First pause after a failed publication; doubles up to {@link #maxBackoff()}. */
    @WithDefault("100ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();

    /** How long published events are kept for audit and replay before they are purged. */
    @WithDefault("7d")
    Duration retention();

    /** The service name used as CloudEvents {@code source} ({@code /ventrack/<name>}) and Kafka client id. */
    @WithDefault("${quarkus.application.name}")
    String serviceName();
}
