package org.ventrack.pk.rest;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ventrack.platform.audit.AuditEntry;
import org.ventrack.platform.patients.PatientFactsEndpoint;
import org.ventrack.platform.rest.Page;
import org.ventrack.platform.security.Roles;
import org.ventrack.pk.service.SampleService;

@Path("/api/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients")
@RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
public class PatientSamplesResource extends PatientFactsEndpoint {

    @Inject
    SampleService samples;

    @GET
    @Path("{patientId}/pk-samples")
    @Operation(summary = "The patient's venetoclax samples with their judgements, earliest first, paged")
    public Page<SampleView> samples(@PathParam("patientId") UUID patientId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return samples.ofPatient(patientId, page, size, SampleView::of);
    }

    @GET
    @Path("{patientId}/history")
    @Operation(summary = "Every change to the patient's samples and alerts: who, when, before and after")
    public List<AuditEntry> history(@PathParam("patientId") UUID patientId) {
        return samples.history(patientId);
    }
}
