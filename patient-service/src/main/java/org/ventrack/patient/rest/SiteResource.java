package org.ventrack.patient.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.ventrack.patient.domain.Site;
import org.ventrack.patient.service.SiteService;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.security.Roles;

@Path("/api/v1/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sites")
public class SiteResource {

    @Inject
    SiteService sites;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a study site (admin)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "A site with this code exists")
    public RestResponse<SiteView> create(@RequestBody(content = @Content(examples = @ExampleObject(name = "example", value = Examples.SITE))) @NotNull @Valid SiteRequest request) {
        Site site = sites.create(request.code(), request.name(), request.country());
        return RestResponse.ResponseBuilder.<SiteView> created(URI.create("/api/v1/sites/" + site.code)).entity(view(site)).build();
    }

    @GET
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "List the study sites")
    public List<SiteView> list() {
        return sites.list().stream().map(SiteResource::view).toList();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "Get a study site")
    public SiteView get(@PathParam("code") String code) {
        return sites.find(code).map(SiteResource::view).orElseThrow(() -> ProblemException.notFound("Site", code));
    }

    private static SiteView view(Site site) {
        return new SiteView(site.code, site.name, site.country, site.createdAt);
    }
}
