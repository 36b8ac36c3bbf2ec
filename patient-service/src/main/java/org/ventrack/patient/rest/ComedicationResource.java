package org.ventrack.patient.rest;

import org.ventrack.platform.rest.Created;
import java.net.URI;
import java.util.List;
import java.util.Objects;
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
import org.ventrack.patient.domain.Comedication;
import org.ventrack.patient.service.RecordKeeper;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.patient.ComedicationRecord;
import org.ventrack.platform.security.Roles;

@Path("/api/v1/patients/{patientId}/comedications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Co-medications")
public class ComedicationResource {

    @Inject
    RecordKeeper keeper;

    @POST
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Record a co-medication; its CYP3A inhibitor class comes from the maintained list")
    public RestResponse<ComedicationRecord> start(@PathParam("patientId") UUID patientId,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "example", value = Examples.COMEDICATION))) @NotNull @Valid Requests.Comedication request) {
        request.check();
        ComedicationRecord created = keeper.create(patientId, patient -> request.applyTo(new Comedication()),
                EventTypes.COMEDICATION_STARTED, RecordViews::of);
        return Created.at(URI.create("/api/v1/patients/" + patientId + "/comedications/" + created.id()), created,
                created.version());
    }

    @GET
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "The patient's co-medications, earliest first")
    public List<ComedicationRecord> list(@PathParam("patientId") UUID patientId) {
        return keeper.list(patientId, Comedication.class, "startDate", RecordViews::of);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "End or correct a co-medication (If-Match required)")
    public RestResponse<ComedicationRecord> update(@PathParam("patientId") UUID patientId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @RequestBody(content = @Content(examples = @ExampleObject(name = "example", value = Examples.COMEDICATION))) @NotNull @Valid Requests.Comedication request) {
        request.check();
        ComedicationRecord updated = keeper.update(patientId, Comedication.class, id, ifMatch,
                (patient, comedication) -> request.applyTo(comedication),
                (before, after) -> before.endDate() == null && after.endDate() != null
                        && Objects.equals(before.drug(), after.drug()) && Objects.equals(before.startDate(), after.startDate())
                                ? EventTypes.COMEDICATION_ENDED
                                : EventTypes.COMEDICATION_CORRECTED,
                RecordViews::of);
        return Created.ok(updated, updated.version());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Delete a co-medication entered in error (If-Match required)")
    public RestResponse<Void> delete(@PathParam("patientId") UUID patientId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        keeper.delete(patientId, Comedication.class, id, ifMatch, RecordViews::of);
        return RestResponse.noContent();
    }
}
