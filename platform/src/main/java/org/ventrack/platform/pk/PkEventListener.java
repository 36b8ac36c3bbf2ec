package org.ventrack.platform.pk;

import org.ventrack.platform.inbox.EventHandler;

/** A service's projection of pk-service's events; called in the inbox transaction of each event. */
public interface PkEventListener extends EventHandler {
}
