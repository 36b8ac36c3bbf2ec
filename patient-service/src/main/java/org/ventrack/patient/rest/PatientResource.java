package org.ventrack.patient.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.ventrack.patient.domain.Diagnosis;
import org.ventrack.patient.domain.Patient;
import org.ventrack.patient.domain.PatientRepository;
import org.ventrack.patient.service.PatientService;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.rest.ETags;
import org.ventrack.platform.rest.Page;
import org.ventrack.platform.security.CallerScope;
import org.ventrack.platform.security.Roles;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

@Path("/api/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Patients")
public class PatientResource {

    @Inject
    PatientService service;
    @Inject
    PatientRepository patients;
    @Inject
    CallerScope scope;

    @POST
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Register a pseudonymised patient")
    @APIResponse(responseCode = "201", description = "Registered; ETag carries the version")
    @APIResponse(responseCode = "409", description = "The UPN is already registered at this site")
    @APIResponse(responseCode = "422", description = "Unknown site or an impossible date")
    public RestResponse<PatientView> register(@RequestBody(content = @Content(examples = @ExampleObject(name = "example", value = Examples.PATIENT))) @NotNull @Valid PatientRequest request) {
        request.check();
        Patient patient = service.register(request);
        return RestResponse.ResponseBuilder.<PatientView> created(URI.create("/api/v1/patients/" + patient.id))
                .entity(PatientView.of(patient)).tag(ETags.of(patient.version)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "Get a patient; ETag carries the version")
    @APIResponse(responseCode = "404", description = "Unknown, or of a site outside the caller's sites")
    public RestResponse<PatientView> get(@PathParam("id") UUID id) {
        Patient patient = scope.visible(service.find(id), p -> p.siteCode, p -> p.id)
                .orElseThrow(() -> ProblemException.notFound("Patient", id));
        return RestResponse.ResponseBuilder.ok(PatientView.of(patient)).tag(ETags.of(patient.version)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Correct a patient's record (If-Match required)")
    @APIResponse(responseCode = "412", description = "The ETag in If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<PatientView> update(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "example", value = Examples.PATIENT))) @NotNull @Valid PatientRequest request) {
        request.check();
        Patient patient = service.update(id, ifMatch, request);
        return RestResponse.ResponseBuilder.ok(PatientView.of(patient)).tag(ETags.of(patient.version)).build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "Every change to the patient and its records: who, when, before and after")
    public java.util.List<org.ventrack.platform.audit.AuditEntry> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    @GET
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "List patients of the caller's sites, paged")
    public Page<PatientView> list(@QueryParam("site") String site,
            @Parameter(description = "a study patient number, e.g. UPN03") @QueryParam("upn") String upn,
            @QueryParam("diagnosis") Diagnosis diagnosis,
            @QueryParam("regimen") org.ventrack.patient.domain.Regimen regimen,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        PanacheQuery<Patient> query = patients.search(scope.siteFilter(), site, diagnosis, regimen, upn)
                .page(io.quarkus.panache.common.Page.of(page, size));
        return new Page<>(query.list().stream().map(PatientView::of).toList(), page, size, query.count());
    }
}
