package org.ventrack.devstack;

import java.nio.file.Path;
import java.util.Optional;

/** The local stack could not start: names the component that failed and, when it has one, its log file. */
public final class StackStartException extends RuntimeException {

    private final String component;
    private final transient Path logFile;

    public StackStartException(String component, Path logFile, String message, Throwable cause) {
        super(component + ": " + message + (logFile == null ? "" : " (log: " + logFile + ")"), cause);
        this.component = component;
        this.logFile = logFile;
    }

    public StackStartException(String component, Path logFile, String message) {
        this(component, logFile, message, null);
    }

    /** "postgresql", "kafka", "signing-key" or a service name such as "patient-service". */
    public String component() {
        return component;
    }

    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }
}
