package org.ventrack.response.rest;

import java.net.URI;
import java.util.List;
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
import org.ventrack.response.service.AssessmentInput;
import org.ventrack.response.service.AssessmentService;
import org.ventrack.response.service.ResponseStore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
@RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
public class AssessmentResource {

    @Inject
    AssessmentService service;
    @Inject
    ResponseStore store;
    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Record a marrow and blood assessment; it is classified under every criteria set at once",
            description = "Mark the pre-venetoclax marrow with baseline = true. Counts in G/L, blasts and MRD in %.")
    @APIResponse(responseCode = "201", description = "Recorded; ETag carries the version")
    @APIResponse(responseCode = "400", description = "A value out of range, or inconsistent fields")
    @APIResponse(responseCode = "404", description = "The patient is unknown here (its registration has not arrived) "
            + "or of a site outside the caller's sites")
    @APIResponse(responseCode = "422", description = "Dated before birth, in the future or after death; a baseline after the start")
    public RestResponse<AssessmentView> record(@RequestBody(content = @Content(examples = {
            @ExampleObject(name = "baseline marrow", value = Examples.BASELINE_ASSESSMENT),
            @ExampleObject(name = "response assessment", value = Examples.ASSESSMENT) })) @NotNull @Valid AssessmentInput input) {
        input.check();
        AssessmentView created = service.record(input, AssessmentView::of);
        return Created.at(URI.create("/api/v1/assessments/" + created.id()), created, created.version());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an assessment; ETag carries the version")
    @APIResponse(responseCode = "404", description = "Unknown, or of a site outside the caller's sites")
    public RestResponse<AssessmentView> get(@PathParam("id") UUID id) {
        AssessmentView view = service.find(id).map(AssessmentView::of)
                .orElseThrow(() -> ProblemException.notFound("Assessment", id));
        return Created.ok(view, view.version());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Correct an assessment (If-Match required); the patient's responses are derived again")
    @APIResponse(responseCode = "412", description = "The ETag in If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<AssessmentView> correct(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "example", value = Examples.ASSESSMENT))) @NotNull @Valid AssessmentInput input) {
        input.check();
        AssessmentView updated = service.correct(id, ifMatch, input, AssessmentView::of);
        return Created.ok(updated, updated.version());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Delete an assessment entered in error (If-Match required)")
    @APIResponse(responseCode = "204", description = "Deleted; its results are withdrawn and kept in the history")
    public RestResponse<Void> delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch, AssessmentView::of);
        return RestResponse.noContent();
    }

    @GET
    @Path("{id}/classifications")
    @Operation(summary = "Every result the assessment had, under every criteria set and version, oldest first",
            description = "A correction, a new baseline or a new criteria version supersedes a result; it stays here.")
    public List<ResponseViews.StoredClassificationView> classifications(@PathParam("id") UUID id) {
        service.find(id).orElseThrow(() -> ProblemException.notFound("Assessment", id));
        return store.history(id).stream().map(c -> new ResponseViews.StoredClassificationView(c.criteria(),
                c.criteriaVersion(), org.ventrack.response.domain.criteria.Category.valueOf(c.category()),
                c.mrdNegative(), tree(c.reasons()), tree(c.missing()), c.baselineAssessmentId(), c.classifiedAt(),
                c.supersededAt(), c.supersededAt() == null)).toList();
    }

    private com.fasterxml.jackson.databind.JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored classification", e);
        }
    }
}
