package org.ventrack.k8s;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation catches what it is there for: each test breaks one file of a copy of deploy/k8s, renders the
 * production overlay of the copy and expects the matching problem.
 */
class BrokenManifestsTest {

    private static final SchemaValidator SCHEMAS = new SchemaValidator();
    private static final List<ServiceConfig> SERVICES = ServiceConfig.all();

    @TempDir
    Path copy;

    @BeforeEach
    void copyManifests() throws IOException {
        Path source = Repository.k8s();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void anUnknownFieldInACoreKind() throws IOException {
        breakFile("base/patient-service/deployment.yaml", "          imagePullPolicy: IfNotPresent\n",
                "          imagePullPolicy: IfNotPresent\n          imagePulPolicy: Always\n");

        assertSchemaProblem("Deployment/patient-service", "imagePulPolicy");
    }

    @Test
    void aWrongTypeInACoreKind() throws IOException {
        breakFile("base/survival-service/horizontalpodautoscaler.yaml", "maxReplicas: 3", "maxReplicas: three");

        assertSchemaProblem("HorizontalPodAutoscaler/survival-service", "three");
    }

    @Test
    void aNumberWhereKubernetesWantsAString() throws IOException {
        breakFile("base/pk-service/deployment.yaml", "              value: \"50\"", "              value: 50");

        assertSchemaProblem("Deployment/pk-service", "value");
    }

    @Test
    void anUnknownFieldAndAWrongTypeInAStrimziKind() throws IOException {
        breakFile("components/strimzi/topics.yaml", "  partitions: 1\n", "  partitions: one\n");
        breakFile("components/strimzi/users.yaml", "  authentication:\n",
                "  authentcation:\n    type: tls\n  authentication:\n");

        assertSchemaProblem("KafkaTopic/ventrack-patient-v1-dlq", "one");
        assertSchemaProblem("KafkaUser/ventrack-patient-service-kafka", "authentcation");
    }

    @Test
    void anUnknownFieldAndAWrongTypeInTheCloudNativePgCluster() throws IOException {
        breakFile("components/cloudnative-pg/cluster.yaml", "  instances: 3\n",
                "  instances: \"three\"\n  instancez: 3\n");

        assertSchemaProblem("Cluster/ventrack-pg", "instances");
        assertSchemaProblem("Cluster/ventrack-pg", "instancez");
    }

    @Test
    void anUnknownFieldInAnExternalSecret() throws IOException {
        breakFile("components/external-secrets/pk-service.yaml", "  refreshInterval: 1h\n",
                "  refreshInterval: 1h\n  refreshIntervall: 2h\n");

        assertSchemaProblem("ExternalSecret/ventrack-pk-service-db", "refreshIntervall");
    }

    @Test
    void aMissingProbe() throws IOException {
        breakFile("base/response-service/deployment.yaml", """
                          readinessProbe:
                            httpGet:
                              path: /q/health/ready
                              port: http
                            periodSeconds: 5
                            timeoutSeconds: 3
                            failureThreshold: 3
                """, "");

        assertViolation("Deployment/response-service container response-service: no readinessProbe");
    }

    @Test
    void aMissingAcl() throws IOException {
        breakFile("components/strimzi/users.yaml", """
                      # its consumer group
                      - resource:
                          type: group
                          name: survival-service
                          patternType: literal
                        operations:
                          - Read
                """, "");

        assertViolation("KafkaUser/ventrack-survival-service-kafka: no ACL for Read group survival-service");
    }

    @Test
    void anAclBeyondWhatTheServiceDoes() throws IOException {
        // pk-service may write its own topic, not patient-service's
        breakFile("components/strimzi/users.yaml", "          name: ventrack.pk.v1\n",
                "          name: ventrack.patient.v1\n");

        assertViolation("KafkaUser/ventrack-pk-service-kafka: ACL Write topic ventrack.patient.v1 is more than");
        assertViolation("KafkaUser/ventrack-pk-service-kafka: no ACL for Write topic ventrack.pk.v1");
    }

    @Test
    void aMissingTopic() throws IOException {
        String topics = Files.readString(copy.resolve("components/strimzi/topics.yaml"));
        int start = topics.indexOf("---\napiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n"
                + "  name: ventrack-response-v1-dlq");
        int end = topics.indexOf("---", start + 3);
        assertTrue(start > 0 && end > start);
        Files.writeString(copy.resolve("components/strimzi/topics.yaml"),
                topics.substring(0, start) + topics.substring(end));

        assertViolation("survival-service: topic ventrack.response.v1.dlq has no KafkaTopic");
    }

    @Test
    void anIngressBodyLimitOtherThanTheService() throws IOException {
        breakFile("base/ingress.yaml", "proxy-body-size: 200m", "proxy-body-size: 256k");

        assertViolation("Ingress/ventrack-api-survival: body limit 256k for survival-service");
    }

    @Test
    void aLatestImageAndAMissingLimit() throws IOException {
        breakFile("overlays/production/kustomization.yaml", "  - name: ghcr.io/ventrack/pk-service\n    newTag: 0.1.0",
                "  - name: ghcr.io/ventrack/pk-service\n    newTag: latest");
        breakFile("base/patient-service/deployment.yaml", "              memory: 512Mi\n", "");

        assertViolation(
                "Deployment/pk-service container pk-service: image ghcr.io/ventrack/pk-service:latest is tagged");
        assertViolation("Deployment/patient-service container patient-service: no memory limits");
    }

    @Test
    void aSecretWithDataAndAServiceWithoutAutoscaler() throws IOException {
        Files.writeString(copy.resolve("base/secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: ventrack-pasted-credentials
                stringData:
                  password: hunter2
                """);
        breakFile("base/kustomization.yaml", "  - ingress.yaml\n", "  - ingress.yaml\n  - secret.yaml\n");
        breakFile("base/response-service/kustomization.yaml", "  - horizontalpodautoscaler.yaml\n", "");

        assertViolation("Secret/ventrack-pasted-credentials: a Secret with data");
        assertViolation("response-service: no HorizontalPodAutoscaler");
    }

    private void breakFile(String file, String original, String broken) throws IOException {
        Path path = copy.resolve(file);
        String content = Files.readString(path);
        assertTrue(content.contains(original), file + " no longer contains what the test breaks: " + original);
        String changed = content.replaceFirst(Pattern.quote(original),
                Matcher.quoteReplacement(broken));
        assertNotEquals(content, changed);
        Files.writeString(path, changed);
    }

    private List<Resource> renderCopy() {
        return Kubectl.render(copy.resolve("overlays/production"));
    }

    private void assertSchemaProblem(String id, String mentioning) {
        List<String> problems = SCHEMAS.problems(renderCopy());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(id) && p.contains(mentioning)),
                "expected a problem of " + id + " mentioning " + mentioning + ", got " + problems);
    }

    private void assertViolation(String expected) {
        List<Resource> rendered = renderCopy();
        List<String> violations = Policies.violations(rendered, SERVICES);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith(expected)),
                "expected " + expected + ", got " + violations);
    }
}
