package org.ventrack.platform.events;

/** A message that is not a valid VenTrack CloudEvent, or whose payload does not match its type. Never retried. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
