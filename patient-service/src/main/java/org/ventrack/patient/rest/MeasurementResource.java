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
import org.ventrack.patient.domain.BodyMeasurement;
import org.ventrack.patient.service.RecordKeeper;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.patient.MeasurementRecord;
import org.ventrack.platform.security.Roles;

@Path("/api/v1/patients/{patientId}/measurements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Body measurements")
public class MeasurementResource {

    @Inject
    RecordKeeper keeper;

    @POST
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Record weight and height; BSA (Mosteller) is derived")
    public RestResponse<MeasurementRecord> record(@PathParam("patientId") UUID patientId,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "example", value = Examples.MEASUREMENT))) @NotNull @Valid Requests.Measurement request) {
        MeasurementRecord created = keeper.create(patientId, patient -> {
            BodyMeasurement m = new BodyMeasurement();
            m.measuredOn = request.measuredOn();
            m.weightKg = request.weightKg();
            m.heightCm = request.heightCm();
            return m;
        }, EventTypes.MEASUREMENT_RECORDED, RecordViews::of);
        return Created.at(URI.create("/api/v1/patients/" + patientId + "/measurements/" + created.id()), created, created.version());
    }

    @GET
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "The patient's measurements, oldest first")
    public List<MeasurementRecord> list(@PathParam("patientId") UUID patientId) {
        return keeper.list(patientId, BodyMeasurement.class, "measuredOn", RecordViews::of);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Delete a measurement entered in error (If-Match required)")
    public RestResponse<Void> delete(@PathParam("patientId") UUID patientId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        keeper.delete(patientId, BodyMeasurement.class, id, ifMatch, RecordViews::of);
        return RestResponse.noContent();
    }
}
