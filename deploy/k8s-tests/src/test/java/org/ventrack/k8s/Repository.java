package org.ventrack.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's files are: the Maven build passes the root as ventrack.repository.root. */
public final class Repository {

    private Repository() {
    }

    public static Path root() {
        String configured = System.getProperty("ventrack.repository.root");
        Path root = (configured != null ? Path.of(configured) : Path.of("../..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("deploy/k8s"))) {
            throw new IllegalStateException("no deploy/k8s under " + root);
        }
        return root;
    }

    public static Path k8s() {
        return root().resolve("deploy/k8s");
    }
}
