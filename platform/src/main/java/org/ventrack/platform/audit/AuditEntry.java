package org.ventrack.platform.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One audited change.
 *
 * @param action CREATE, UPDATE or DELETE
 * @param before the resource as it was (null for CREATE)
 * @param after  the resource as it became (null for DELETE)
 */
public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String resourceType,
        String resourceId, UUID patientId, JsonNode before, JsonNode after) {
}
