package org.ventrack.platform.patients;

import org.ventrack.platform.inbox.EventHandler;

/**
 * A service's own projection of patient events (e.g. survival-service's deaths). Every such bean is called after
 * {@link PatientFacts} and {@link PatientTimeline} are updated, in the same inbox transaction.
 */
public interface PatientEventListener extends EventHandler {
}
