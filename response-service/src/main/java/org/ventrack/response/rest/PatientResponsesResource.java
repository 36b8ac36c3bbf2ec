package org.ventrack.response.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ventrack.platform.audit.AuditEntry;
import org.ventrack.platform.patients.PatientFactsEndpoint;
import org.ventrack.platform.rest.Page;
import org.ventrack.platform.security.Roles;
import org.ventrack.response.service.AssessmentService;
import org.ventrack.response.service.ResponseService;

@Path("/api/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients")
@RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
public class PatientResponsesResource extends PatientFactsEndpoint {

    @Inject
    AssessmentService assessments;
    @Inject
    ResponseService responses;

    @GET
    @Path("{patientId}/responses")
    @Operation(summary = "Each assessment classified, the baseline used and the best overall response",
            description = "Best first: CR > CRh > CRi > MLFS > PR > NR. Every threshold is listed as met or missed with "
                    + "the values used; NOT_EVALUABLE lists the missing inputs.")
    @APIResponse(responseCode = "400", description = "Unknown criteria set")
    @APIResponse(responseCode = "404", description = "Unknown here, or of a site outside the caller's sites")
    public ResponseViews.PatientResponses responses(@PathParam("patientId") UUID patientId,
            @Parameter(description = "COUSSON_2025 or ELN_2022; the configured default when absent") @QueryParam("criteria") String criteria) {
        return ResponseViews.of(patientId, responses.responses(patientId, responses.criteria(criteria)));
    }

    @GET
    @Path("{patientId}/assessments")
    @Operation(summary = "The patient's assessments, earliest first, paged")
    public Page<AssessmentView> assessments(@PathParam("patientId") UUID patientId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return assessments.ofPatient(patientId, page, size, AssessmentView::of);
    }

    @GET
    @Path("{patientId}/history")
    @Operation(summary = "Every change to the patient's assessments: who, when, before and after")
    public List<AuditEntry> history(@PathParam("patientId") UUID patientId) {
        return assessments.history(patientId);
    }
}
