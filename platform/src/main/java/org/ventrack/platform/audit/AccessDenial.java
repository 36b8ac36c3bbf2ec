package org.ventrack.platform.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A refused attempt to reach another site's data, as the audit log keeps it: ids and site codes only.
 *
 * @param actorSites the sites the caller's token grants
 * @param siteCode   the site the data belongs to
 * @param patientId  the patient concerned, null when the attempt was on a site as a whole
 * @param method     and {@code path}: the endpoint called (the query string is not kept)
 */
public record AccessDenial(long id, OffsetDateTime at, String actor, List<String> actorSites, String siteCode,
        UUID patientId, String method, String path) {
}
