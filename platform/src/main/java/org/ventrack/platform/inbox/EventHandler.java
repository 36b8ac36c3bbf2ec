package org.ventrack.platform.inbox;

import org.ventrack.platform.events.EventEnvelope;

/**
 * A read-model update for consumed events, run inside the inbox transaction. Types a handler does not know are
 * ignored by it. Throw {@link org.ventrack.platform.events.MalformedEventException} for an event that can never
 * be applied (it goes to the dead-letter topic); any other exception is retried.
 */
@FunctionalInterface
public interface EventHandler {

    void apply(EventEnvelope event);
}
