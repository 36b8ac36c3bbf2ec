package org.ventrack.platform.peers;

import java.util.Optional;

/** A peer's answer as it came: status, media type and body (a problem+json body for the peer's own 4xx). */
public record PeerResponse(int status, Optional<String> contentType, String body) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
