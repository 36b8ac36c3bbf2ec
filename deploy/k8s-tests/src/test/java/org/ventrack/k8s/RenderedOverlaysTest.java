package org.ventrack.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every overlay, as kubectl kustomize renders it, passes the schemas and the policies. */
class RenderedOverlaysTest {

    private static final SchemaValidator SCHEMAS = new SchemaValidator();
    private static List<ServiceConfig> services;

    @TempDir
    Path workDir;

    @BeforeAll
    static void readServices() {
        services = ServiceConfig.all();
        System.out.println("rendering with " + Kubectl.version());
    }

    @ParameterizedTest
    @ValueSource(strings = { "production", "staging" })
    void overlayPassesSchemasAndPolicies(String overlay) {
        List<Resource> rendered = Kubectl.render(Overlays.overlay(Repository.k8s(), overlay));

        assertEquals(4, count(rendered, "Deployment"));
        assertEquals(4, count(rendered, "HorizontalPodAutoscaler"));
        assertEquals(4, count(rendered, "KafkaUser"));
        assertEquals(6, count(rendered, "KafkaTopic"));
        assertEquals(1, count(rendered, "Cluster"));
        assertEquals(List.of(), SCHEMAS.problems(rendered));
        assertEquals(List.of(), Policies.violations(rendered, services));
    }

    @ParameterizedTest
    @ValueSource(strings = { "production", "staging" })
    void overlayWithTheServiceMonitorPassesToo(String overlay) {
        List<Resource> rendered = Kubectl.render(Overlays.withServiceMonitor(Repository.k8s(), overlay, workDir));

        assertEquals(1, count(rendered, "ServiceMonitor"));
        assertEquals(List.of(), SCHEMAS.problems(rendered));
        assertEquals(List.of(), Policies.violations(rendered, services));
    }

    @Test
    void productionTopicsSurviveTheLossOfOneBroker() {
        List<Resource> rendered = Kubectl.render(Overlays.overlay(Repository.k8s(), "production"));

        List<Resource> topics = rendered.stream().filter(r -> r.kind().equals("KafkaTopic")).toList();
        assertTrue(topics.size() >= 6);
        for (Resource topic : topics) {
            assertEquals(3, topic.spec().path("replicas").asInt(), topic.id());
            assertEquals(2, topic.spec().path("config").path("min.insync.replicas").asInt(), topic.id());
        }
        Resource kafka = rendered.stream().filter(r -> r.kind().equals("Kafka")).findFirst().orElseThrow();
        assertEquals(2, kafka.spec().path("kafka").path("config").path("min.insync.replicas").asInt());
        assertEquals("scram-sha-512",
                kafka.spec().path("kafka").path("listeners").path(0).path("authentication").path("type").asText());
    }

    private static long count(List<Resource> rendered, String kind) {
        return rendered.stream().filter(r -> r.kind().equals(kind)).count();
    }
}
