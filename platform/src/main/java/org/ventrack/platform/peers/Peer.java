package org.ventrack.platform.peers;

/** A service whose REST API another service calls on a caller's behalf. */
public enum Peer {
    RESPONSE_SERVICE("response-service"),
    PK_SERVICE("pk-service");

    private final String serviceName;

    Peer(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
