package org.ventrack.pk.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.rest.Created;
import org.ventrack.platform.security.Roles;
import org.ventrack.pk.service.SampleInput;
import org.ventrack.pk.service.SampleService;

@Path("/api/v1/pk/samples")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Samples")
@RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
public class SampleResource {

    @Inject
    SampleService service;

    @POST
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Record a venetoclax plasma sample; it is judged at once (steady state, trough window, "
            + "dose-normalised level, CYP3A inhibitors, flags) and a flagged level raises an alert")
    @APIResponse(responseCode = "201", description = "Recorded, with its judgement; ETag carries the version")
    @APIResponse(responseCode = "404", description = "The patient is unknown here or of another site")
    @APIResponse(responseCode = "422", description = "Before the venetoclax start or birth, after death, in the future")
    public RestResponse<SampleView> record(@RequestBody(content = @Content(examples = @ExampleObject(name = "voriconazole case",
            value = Examples.SAMPLE))) @NotNull @Valid SampleInput input) {
        input.check();
        SampleView created = service.record(input, SampleView::of);
        return Created.at(URI.create("/api/v1/pk/samples/" + created.id()), created, created.version());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A sample and its judgement; ETag carries the version")
    public RestResponse<SampleView> get(@PathParam("id") UUID id) {
        SampleView view = service.find(id, SampleView::of).orElseThrow(() -> ProblemException.notFound("Sample", id));
        return Created.ok(view, view.version());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Correct a sample (If-Match required); it is judged again")
    public RestResponse<SampleView> correct(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "example", value = Examples.SAMPLE))) @NotNull @Valid SampleInput input) {
        input.check();
        SampleView updated = service.correct(id, ifMatch, input, SampleView::of);
        return Created.ok(updated, updated.version());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Delete a sample entered in error (If-Match required)")
    public RestResponse<Void> delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
        return RestResponse.noContent();
    }
}
