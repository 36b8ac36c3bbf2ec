package org.ventrack.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders a kustomization with {@code kubectl kustomize}. kubectl comes from, in this order: the environment variable
 * KUBECTL, the PATH (if its kustomize is v5), or the copy that {@code deploy/k8s-tests/install-kubectl.sh} installs
 * (run here when there is none yet). No kubectl is a failure, never a skipped test.
 */
public final class Kubectl {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static String executable;

    private Kubectl() {
    }

    public static List<Resource> render(Path kustomization) {
        String yaml = run(List.of(executable(), "kustomize", kustomization.toString()));
        List<Resource> resources = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document instanceof ObjectNode object && !object.isEmpty()) {
                    resources.add(new Resource(object));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("kubectl kustomize printed no YAML for " + kustomization, e);
        }
        return resources;
    }

    /** The kubectl used, with its version, for the test report. */
    public static String version() {
        return run(List.of(executable(), "version", "--client")).strip().replace('\n', ' ');
    }

    static synchronized String executable() {
        if (executable == null) {
            executable = locate();
        }
        return executable;
    }

    private static String locate() {
        String fromEnvironment = System.getenv("KUBECTL");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        if (hasKustomizeV5("kubectl")) {
            return "kubectl";
        }
        Path script = Repository.root().resolve("deploy/k8s-tests/install-kubectl.sh");
        // prints the path of the installed (or already cached) kubectl on its last line
        String output = run(List.of("bash", script.toString()));
        String[] lines = output.strip().split("\n");
        String installed = lines[lines.length - 1].strip();
        if (!Files.isExecutable(Path.of(installed))) {
            throw new IllegalStateException(script + " did not install kubectl:\n" + output);
        }
        return installed;
    }

    private static boolean hasKustomizeV5(String candidate) {
        try {
            return run(List.of(candidate, "version", "--client")).contains("Kustomize Version: v5");
        } catch (IllegalStateException notThere) {
            return false;
        }
    }

    private static String run(List<String> command) {
        Path stderr = null;
        try {
            // stderr to a file, so a chatty command cannot block on a full pipe while stdout is read
            stderr = Files.createTempFile("kubectl", ".stderr");
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(stderr));
            }
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (stderr != null) {
                stderr.toFile().delete();
            }
        }
    }
}
