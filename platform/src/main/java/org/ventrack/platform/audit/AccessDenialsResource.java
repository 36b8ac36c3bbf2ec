package org.ventrack.platform.audit;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ventrack.platform.rest.Page;
import org.ventrack.platform.security.Roles;

/**
 * {@code GET /api/v1/audit/access-denials} on every service, for admins: the refused attempts of site users to reach
 * another site's patients through this service, newest first.
 */
@Path("/api/v1/audit/access-denials")
@Tag(name = "Audit")
public class AccessDenialsResource {

    @Inject
    AuditLog audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Refused attempts on another site's data (who, which site and patient, which endpoint, when)",
            description = "Recorded where the service answered 404 or 403 because the data belongs to a site outside the "
                    + "caller's token. Ids and site codes only, never clinical values.")
    @APIResponse(responseCode = "200", description = "One page of denials, newest first")
    @APIResponse(responseCode = "403", description = "Only admins read the access denials")
    public Page<AccessDenial> denials(@QueryParam("patientId") UUID patientId, @QueryParam("site") String site,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return audit.denials(patientId, site, page, size);
    }
}
