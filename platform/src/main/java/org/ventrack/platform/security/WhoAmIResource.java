package org.ventrack.platform.security;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/whoami} on every service: checks a token and shows what it grants. */
@Path("/api/v1/whoami")
@Tag(name = "Security")
public class WhoAmIResource {

    @Inject
    CallerScope scope;

    public record Caller(String name, List<String> roles, boolean allSites, List<String> sites) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "Who the bearer token says the caller is, and which sites it may see")
    public Caller whoami() {
        return new Caller(scope.caller(), scope.roles(), scope.seesAllSites(), scope.sites().stream().sorted().toList());
    }
}
