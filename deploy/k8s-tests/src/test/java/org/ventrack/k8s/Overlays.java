package org.ventrack.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The kustomizations a platform team may apply: each overlay, and each with the optional ServiceMonitor. */
final class Overlays {

    static final List<String> OVERLAYS = List.of("production", "staging");

    private Overlays() {
    }

    static Path overlay(Path k8s, String name) {
        return k8s.resolve("overlays").resolve(name);
    }

    /** A kustomization (in {@code workDir}) of the overlay plus components/service-monitor. */
    static Path withServiceMonitor(Path k8s, String overlay, Path workDir) {
        try {
            Path dir = Files.createDirectories(workDir.resolve(overlay + "-with-service-monitor"));
            Files.writeString(dir.resolve("kustomization.yaml"), """
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    namespace: ventrack
                    resources:
                      - %s
                    components:
                      - %s
                    """.formatted(dir.relativize(overlay(k8s, overlay)),
                    dir.relativize(k8s.resolve("components/service-monitor"))));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
