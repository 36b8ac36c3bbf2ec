package org.ventrack.platform.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.smallrye.common.annotation.Identifier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.ventrack.platform.outbox.KafkaSecuritySettings;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.Wellness;

/**
 * Whether the Kafka broker answers, in the {@code wellness} health group ({@code /q/health/well}, and in
 * {@code /q/health}) and as the gauge {@code ventrack_kafka_broker_reachable}, but deliberately not in readiness: a
 * broker outage hits every replica alike, so taking them out of rotation would only add a REST outage to it. Writes
 * go through the transactional outbox and wait there; consumers resume from their committed offsets.
 */
@Wellness
@ApplicationScoped
public class BrokerHealth implements HealthCheck {

    static final String NAME = "Kafka broker";

    @Inject
    BrokerHealthConfig config;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile Probe last = new Probe(false, Instant.now(), "not probed yet");
    private ScheduledExecutorService prober;
    private Admin admin;

    void start(@Observes StartupEvent startup) {
        Properties p = new Properties();
        // TLS and SASL as the cluster's clients use them (deploy/k8s)
        p.putAll(KafkaSecuritySettings.of(kafkaConfig));
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "broker-health");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "5000");
        admin = Admin.create(p);
        Gauge.builder("ventrack.kafka.broker.reachable", this, health -> health.last.reachable() ? 1 : 0)
                .description("1 when the last probe of the Kafka broker succeeded, 0 otherwise")
                .register(registry);
        prober = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "broker-health");
            thread.setDaemon(true);
            return thread;
        });
        prober.scheduleWithFixedDelay(this::probe, 0, config.probeInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (prober != null) {
            prober.shutdownNow();
            admin.close(Duration.ofSeconds(2));
        }
    }

    void probe() {
        long timeout = config.probeTimeout().toMillis();
        boolean reachable;
        String detail;
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout))
                    .nodes().get(timeout + 1_000, TimeUnit.MILLISECONDS).size();
            reachable = brokers > 0;
            detail = brokers + " broker(s)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            reachable = false;
            detail = rootMessage(e);
        }
        Probe previous = last;
        if (previous.reachable() != reachable) {
            Log.infof("Kafka broker %s", reachable ? "reachable" : "unreachable: " + detail);
        }
        last = new Probe(reachable, previous.reachable() == reachable ? previous.since() : Instant.now(), detail);
    }

    @Override
    public HealthCheckResponse call() {
        Probe probe = last;
        return HealthCheckResponse.named(NAME).status(probe.reachable())
                .withData("bootstrapServers", bootstrapServers)
                .withData("since", probe.since().toString())
                .withData("detail", probe.detail())
                .build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** The last probe: reachable or not, since when, and what it saw. */
    private record Probe(boolean reachable, Instant since, String detail) {
    }
}
