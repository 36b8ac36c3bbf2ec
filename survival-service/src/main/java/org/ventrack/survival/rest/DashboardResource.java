package org.ventrack.survival.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where the study dashboard ({@code /dashboard/}, served from this service's static resources) finds the other
 * services' APIs. Public: it holds addresses only, and the page needs them before the user signs in.
 */
@Path("/api/v1/dashboard/config")
@Tag(name = "Dashboard")
@PermitAll
public class DashboardResource {

    public record DashboardConfigView(String patientService, String responseService, String pkService) {
    }

    @Inject
    ServiceUrls urls;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Base URLs of patient-, response- and pk-service as the browser reaches them")
    public DashboardConfigView config() {
        return new DashboardConfigView(urls.patientService(), urls.responseService(), urls.pkService());
    }
}
