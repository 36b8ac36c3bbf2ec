package org.ventrack.platform.responses;

import org.ventrack.platform.inbox.EventHandler;

/** A service's projection of response-service's events; called in the inbox transaction of each event. */
public interface ResponseEventListener extends EventHandler {
}
