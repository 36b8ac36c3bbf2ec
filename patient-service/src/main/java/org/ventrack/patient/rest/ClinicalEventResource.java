package org.ventrack.patient.rest;

import org.ventrack.platform.rest.Created;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.ventrack.patient.domain.ClinicalEvent;
import org.ventrack.patient.service.RecordKeeper;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.patient.ClinicalEventRecord;
import org.ventrack.platform.security.Roles;

@Path("/api/v1/patients/{patientId}/clinical-events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clinical events")
public class ClinicalEventResource {

    @Inject
    RecordKeeper keeper;

    @POST
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Record an HSCT, relapse, progression, death or last follow-up (alive on that date)")
    public RestResponse<ClinicalEventRecord> record(@PathParam("patientId") UUID patientId,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "example", value = Examples.CLINICAL_EVENT))) @NotNull @Valid Requests.ClinicalEvent request) {
        request.check();
        ClinicalEventRecord created = keeper.create(patientId, patient -> request.applyTo(new ClinicalEvent()),
                EventTypes.CLINICAL_EVENT_RECORDED, RecordViews::of);
        return Created.at(URI.create("/api/v1/patients/" + patientId + "/clinical-events/" + created.id()), created,
                created.version());
    }

    @GET
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "The patient's clinical events, earliest first")
    public List<ClinicalEventRecord> list(@PathParam("patientId") UUID patientId) {
        return keeper.list(patientId, ClinicalEvent.class, "eventDate", RecordViews::of);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Correct a clinical event, e.g. a death date; published as a correction (If-Match required)")
    public RestResponse<ClinicalEventRecord> update(@PathParam("patientId") UUID patientId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @RequestBody(content = @Content(examples = @ExampleObject(name = "example", value = Examples.CLINICAL_EVENT))) @NotNull @Valid Requests.ClinicalEvent request) {
        request.check();
        ClinicalEventRecord updated = keeper.update(patientId, ClinicalEvent.class, id, ifMatch,
                (patient, event) -> request.applyTo(event), (before, after) -> EventTypes.CLINICAL_EVENT_CORRECTED,
                RecordViews::of);
        return Created.ok(updated, updated.version());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Delete a clinical event entered in error (If-Match required)")
    public RestResponse<Void> delete(@PathParam("patientId") UUID patientId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        keeper.delete(patientId, ClinicalEvent.class, id, ifMatch, RecordViews::of);
        return RestResponse.noContent();
    }
}
