package org.ventrack.platform.events.pk;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An alert for the clinicians of the patient's site ({@code alert-raised}).
 *
 * @param kind     FLAGGED_SAMPLE or STRONG_INHIBITOR_STARTED
 * @param sampleId the sample that raised it, or null
 * @param reasons  why, in words, with the values used
 */
public record AlertRaised(UUID alertId, UUID patientId, String kind, UUID sampleId, List<String> flags,
        List<String> reasons, OffsetDateTime raisedAt) {
}
