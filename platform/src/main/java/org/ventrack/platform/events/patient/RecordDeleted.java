package org.ventrack.platform.events.patient;

import java.util.UUID;

/**
 * A record entered in error was deleted ({@code record-deleted}).
 *
 * @param recordType measurement, treatment-course, comedication, clinical-event or adverse-event
 */
public record RecordDeleted(UUID patientId, String recordType, UUID recordId) {
}
