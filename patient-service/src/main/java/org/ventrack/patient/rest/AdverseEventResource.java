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
import org.ventrack.patient.domain.AdverseEvent;
import org.ventrack.patient.domain.Patient;
import org.ventrack.patient.service.AdverseEventTerms;
import org.ventrack.patient.service.RecordKeeper;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.patient.AdverseEventRecord;
import org.ventrack.platform.security.Roles;

@Path("/api/v1/patients/{patientId}/adverse-events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Adverse events")
public class AdverseEventResource {

    @Inject
    RecordKeeper keeper;
    @Inject
    AdverseEventTerms terms;

    @POST
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Record an adverse event (CTCAE v5.0 term, grade 1-5); the regimen at onset is derived")
    public RestResponse<AdverseEventRecord> record(@PathParam("patientId") UUID patientId,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "example", value = Examples.ADVERSE_EVENT))) @NotNull @Valid Requests.AdverseEvent request) {
        String term = terms.canonical(request.term());
        AdverseEventRecord created = keeper.create(patientId, patient -> apply(request, term, patient, new AdverseEvent()),
                EventTypes.ADVERSE_EVENT_RECORDED, RecordViews::of);
        return Created.at(URI.create("/api/v1/patients/" + patientId + "/adverse-events/" + created.id()), created,
                created.version());
    }

    @GET
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "The patient's adverse events, earliest onset first")
    public List<AdverseEventRecord> list(@PathParam("patientId") UUID patientId) {
        return keeper.list(patientId, AdverseEvent.class, "onsetDate", RecordViews::of);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Correct an adverse event (If-Match required)")
    public RestResponse<AdverseEventRecord> update(@PathParam("patientId") UUID patientId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @RequestBody(content = @Content(examples = @ExampleObject(name = "example", value = Examples.ADVERSE_EVENT))) @NotNull @Valid Requests.AdverseEvent request) {
        String term = terms.canonical(request.term());
        AdverseEventRecord updated = keeper.update(patientId, AdverseEvent.class, id, ifMatch,
                (patient, event) -> apply(request, term, patient, event), (before, after) -> EventTypes.ADVERSE_EVENT_CORRECTED,
                RecordViews::of);
        return Created.ok(updated, updated.version());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Delete an adverse event entered in error (If-Match required)")
    public RestResponse<Void> delete(@PathParam("patientId") UUID patientId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        keeper.delete(patientId, AdverseEvent.class, id, ifMatch, RecordViews::of);
        return RestResponse.noContent();
    }

    private AdverseEvent apply(Requests.AdverseEvent r, String term, Patient patient, AdverseEvent e) {
        e.term = term;
        e.grade = r.grade();
        e.onsetDate = r.onsetDate();
        e.serious = r.serious();
        e.attribution = r.attribution();
        e.regimen = keeper.regimenAt(patient, r.onsetDate());
        return e;
    }
}
