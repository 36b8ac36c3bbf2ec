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
import org.ventrack.patient.domain.TreatmentCourse;
import org.ventrack.patient.service.RecordKeeper;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.patient.TreatmentCourseRecord;
import org.ventrack.platform.security.Roles;

@Path("/api/v1/patients/{patientId}/treatment-courses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Treatment courses")
public class TreatmentCourseResource {

    @Inject
    RecordKeeper keeper;

    @POST
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Record a venetoclax course; its start date is the time origin of every outcome")
    public RestResponse<TreatmentCourseRecord> start(@PathParam("patientId") UUID patientId,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "example", value = Examples.TREATMENT_COURSE))) @NotNull @Valid Requests.TreatmentCourse request) {
        request.check();
        TreatmentCourseRecord created = keeper.create(patientId, patient -> request.applyTo(new TreatmentCourse()),
                EventTypes.TREATMENT_STARTED, RecordViews::of);
        return Created.at(URI.create("/api/v1/patients/" + patientId + "/treatment-courses/" + created.id()), created,
                created.version());
    }

    @GET
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "The patient's venetoclax courses, earliest first")
    public List<TreatmentCourseRecord> list(@PathParam("patientId") UUID patientId) {
        return keeper.list(patientId, TreatmentCourse.class, "startDate", RecordViews::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "One course; ETag carries its version")
    public RestResponse<TreatmentCourseRecord> get(@PathParam("patientId") UUID patientId, @PathParam("id") UUID id) {
        TreatmentCourseRecord course = keeper.get(patientId, TreatmentCourse.class, id, RecordViews::of);
        return Created.ok(course, course.version());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Correct a course, e.g. cycles given and end (If-Match required)")
    public RestResponse<TreatmentCourseRecord> update(@PathParam("patientId") UUID patientId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @RequestBody(content = @Content(examples = @ExampleObject(name = "example", value = Examples.TREATMENT_COURSE))) @NotNull @Valid Requests.TreatmentCourse request) {
        request.check();
        TreatmentCourseRecord updated = keeper.update(patientId, TreatmentCourse.class, id, ifMatch,
                (patient, course) -> request.applyTo(course), (before, after) -> EventTypes.TREATMENT_UPDATED,
                RecordViews::of);
        return Created.ok(updated, updated.version());
    }
}
