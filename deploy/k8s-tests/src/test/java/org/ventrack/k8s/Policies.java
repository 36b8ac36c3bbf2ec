package org.ventrack.k8s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform's rules for a rendered overlay, each violation one line naming the object:
 * <ul>
 * <li>every container has CPU and memory requests and limits, runs hardened (no privilege escalation, read-only root
 * file system, all capabilities dropped, not privileged, non-root, a seccomp profile) and names an image by tag or
 * digest, never {@code latest}; long-running ones have startup, liveness and readiness probes;</li>
 * <li>no Secret carries data: secrets come from the operators or the platform team;</li>
 * <li>every service has a Deployment, a PodDisruptionBudget, a HorizontalPodAutoscaler and a NetworkPolicy;</li>
 * <li>with Kafka users in the overlay: every topic a service uses has a KafkaTopic, and the service's KafkaUser allows
 * exactly what the service does (see {@link ServiceConfig}), no more;</li>
 * <li>an Ingress' body-size limit is the limit of the services it routes to.</li>
 * </ul>
 */
public final class Policies {

    static final String BODY_SIZE = "nginx.ingress.kubernetes.io/proxy-body-size";
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");
    private static final Set<String> LONG_RUNNING = Set.of("Deployment", "StatefulSet", "DaemonSet");
    private static final List<String> PROBES = List.of("startupProbe", "livenessProbe", "readinessProbe");

    private final List<Resource> resources;
    private final List<ServiceConfig> services;
    private final List<String> violations = new ArrayList<>();

    private Policies(List<Resource> resources, List<ServiceConfig> services) {
        this.resources = resources;
        this.services = services;
    }

    public static List<String> violations(List<Resource> resources, List<ServiceConfig> services) {
        Policies policies = new Policies(resources, services);
        policies.check();
        return policies.violations;
    }

    private void check() {
        for (Resource resource : resources) {
            if (WORKLOADS.contains(resource.kind())) {
                checkPod(resource);
            }
            boolean secretWithData = resource.body().has("data") || resource.body().has("stringData");
            if (resource.kind().equals("Secret") && secretWithData) {
                violations.add(resource.id() + ": a Secret with data in the manifests");
            }
            if (resource.kind().equals("Ingress")) {
                checkIngress(resource);
            }
        }
        for (ServiceConfig service : services) {
            checkCompanions(service);
        }
        if (!ofKind("KafkaUser").isEmpty()) {
            services.forEach(this::checkKafka);
        }
    }

    private void checkPod(Resource workload) {
        JsonNode template = workload.kind().equals("CronJob")
                ? workload.spec().path("jobTemplate").path("spec").path("template")
                : workload.spec().path("template");
        JsonNode pod = template.path("spec");
        List<JsonNode> containers = new ArrayList<>();
        pod.path("initContainers").forEach(containers::add);
        pod.path("containers").forEach(containers::add);
        for (JsonNode container : containers) {
            String id = workload.id() + " container " + container.path("name").asText();
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (!container.path("resources").path(kind).has(resource)) {
                        violations.add(id + ": no " + resource + " " + kind);
                    }
                }
            }
            if (LONG_RUNNING.contains(workload.kind())) {
                for (String probe : PROBES) {
                    if (!container.has(probe)) {
                        violations.add(id + ": no " + probe);
                    }
                }
            }
            checkSecurityContext(id, pod.path("securityContext"), container.path("securityContext"));
            checkImage(id, container.path("image").asText(""));
        }
    }

    private void checkSecurityContext(String id, JsonNode pod, JsonNode container) {
        if (!container.path("allowPrivilegeEscalation").isBoolean()
                || container.path("allowPrivilegeEscalation").asBoolean()) {
            violations.add(id + ": allowPrivilegeEscalation is not false");
        }
        if (!container.path("readOnlyRootFilesystem").asBoolean(false)) {
            violations.add(id + ": the root file system is not read-only");
        }
        if (container.path("privileged").asBoolean(false)) {
            violations.add(id + ": privileged");
        }
        Set<String> dropped = new HashSet<>();
        container.path("capabilities").path("drop").forEach(c -> dropped.add(c.asText()));
        if (!dropped.contains("ALL") || container.path("capabilities").has("add")) {
            violations.add(id + ": capabilities are not all dropped");
        }
        if (!container.path("runAsNonRoot").asBoolean(pod.path("runAsNonRoot").asBoolean(false))) {
            violations.add(id + ": may run as root (runAsNonRoot)");
        }
        String seccomp = container.path("seccompProfile").path("type")
                .asText(pod.path("seccompProfile").path("type").asText(""));
        if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
            violations.add(id + ": no seccomp profile (RuntimeDefault)");
        }
    }

    private void checkImage(String id, String image) {
        if (image.contains("@sha256:")) {
            return;
        }
        int lastSlash = image.lastIndexOf('/');
        int colon = image.indexOf(':', lastSlash + 1);
        if (colon < 0) {
            violations.add(id + ": image " + image + " has no tag (means latest)");
        } else if (image.substring(colon + 1).equals("latest")) {
            violations.add(id + ": image " + image + " is tagged latest");
        }
    }

    private void checkCompanions(ServiceConfig service) {
        String name = service.name();
        Resource deployment = named("Deployment", name);
        if (deployment == null) {
            violations.add(name + ": no Deployment");
            return;
        }
        JsonNode podLabels = deployment.spec().path("template").path("metadata").path("labels");
        if (ofKind("PodDisruptionBudget").stream()
                .noneMatch(pdb -> selects(pdb.spec().path("selector").path("matchLabels"), podLabels))) {
            violations.add(name + ": no PodDisruptionBudget");
        }
        if (ofKind("HorizontalPodAutoscaler").stream()
                .noneMatch(hpa -> hpa.spec().path("scaleTargetRef").path("kind").asText().equals("Deployment")
                        && hpa.spec().path("scaleTargetRef").path("name").asText().equals(name))) {
            violations.add(name + ": no HorizontalPodAutoscaler");
        }
        if (ofKind("NetworkPolicy").stream()
                .noneMatch(policy -> policy.spec().path("podSelector").has("matchLabels")
                        && selects(policy.spec().path("podSelector").path("matchLabels"), podLabels))) {
            violations.add(name + ": no NetworkPolicy of its own");
        }
    }

    private void checkKafka(ServiceConfig service) {
        Set<String> declaredTopics = new HashSet<>();
        for (Resource topic : ofKind("KafkaTopic")) {
            declaredTopics.add(topic.spec().path("topicName").asText(topic.name()));
        }
        for (String topic : service.topics()) {
            if (!declaredTopics.contains(topic)) {
                violations.add(service.name() + ": topic " + topic + " has no KafkaTopic");
            }
        }
        String userName = kafkaUserOf(service.name());
        Resource user = userName == null ? null : named("KafkaUser", userName);
        if (user == null) {
            violations.add(service.name() + ": no KafkaUser (the Secret in KAFKA_SASL_JAAS_CONFIG names none)");
            return;
        }
        Set<String> granted = new TreeSet<>();
        for (JsonNode acl : user.spec().path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            if (!resource.path("patternType").asText("literal").equals("literal")) {
                violations.add(user.id() + ": a " + resource.path("patternType").asText()
                        + " ACL on " + resource.path("name").asText() + " grants more than named topics");
            }
            for (JsonNode operation : acl.path("operations")) {
                granted.add(grant(resource.path("type").asText(), resource.path("name").asText(), operation.asText()));
            }
        }
        Set<String> needed = new TreeSet<>();
        service.writes().forEach(t -> needed.add(grant("topic", t, "Write")));
        service.deadLetters().forEach(t -> needed.add(grant("topic", t, "Write")));
        service.reads().forEach(t -> needed.add(grant("topic", t, "Read")));
        service.groups().forEach(g -> needed.add(grant("group", g, "Read")));
        Set<String> allowed = new TreeSet<>(needed);
        service.topics().forEach(t -> allowed.add(grant("topic", t, "Describe")));
        for (String grant : needed) {
            if (!granted.contains(grant)) {
                violations.add(user.id() + ": no ACL for " + grant + " (" + service.name() + " needs it)");
            }
        }
        for (String grant : granted) {
            if (!allowed.contains(grant)) {
                violations.add(user.id() + ": ACL " + grant + " is more than " + service.name() + " does");
            }
        }
    }

    private String kafkaUserOf(String service) {
        return kafkaUserOf(resources, service);
    }

    /**
     * The KafkaUser of a service: the Secret its Deployment takes KAFKA_SASL_JAAS_CONFIG from, which Strimzi names
     * after the user. Null when there is none.
     */
    static String kafkaUserOf(List<Resource> resources, String service) {
        for (Resource deployment : resources) {
            if (!deployment.kind().equals("Deployment") || !deployment.name().equals(service)) {
                continue;
            }
            for (JsonNode container : deployment.spec().path("template").path("spec").path("containers")) {
                for (JsonNode env : container.path("env")) {
                    if (env.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")) {
                        return env.path("valueFrom").path("secretKeyRef").path("name").asText(null);
                    }
                }
            }
        }
        return null;
    }

    private void checkIngress(Resource ingress) {
        String annotation = ingress.body().path("metadata").path("annotations").path(BODY_SIZE).asText(null);
        Set<String> tlsHosts = new HashSet<>();
        ingress.spec().path("tls").forEach(tls -> tls.path("hosts").forEach(h -> tlsHosts.add(h.asText())));
        for (JsonNode rule : ingress.spec().path("rules")) {
            if (!tlsHosts.contains(rule.path("host").asText())) {
                violations.add(ingress.id() + ": host " + rule.path("host").asText() + " is served without TLS");
            }
            for (JsonNode path : rule.path("http").path("paths")) {
                String backend = path.path("backend").path("service").path("name").asText();
                services.stream().filter(s -> s.name().equals(backend)).findFirst().ifPresent(service -> {
                    if (annotation == null) {
                        violations.add(ingress.id() + ": no " + BODY_SIZE + " for " + backend);
                    } else if (MemorySize.bytes(annotation) != service.maxBodyBytes()) {
                        violations.add(ingress.id() + ": body limit " + annotation + " for " + backend
                                + ", which accepts " + service.maxBodyBytes() + " bytes");
                    }
                });
            }
        }
    }

    private static String grant(String type, String name, String operation) {
        return operation + " " + type + " " + name;
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> entry : selector.properties()) {
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private List<Resource> ofKind(String kind) {
        return resources.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    private Resource named(String kind, String name) {
        return resources.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst().orElse(null);
    }
}
