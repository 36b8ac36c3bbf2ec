package org.ventrack.pk.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.rest.Page;
import org.ventrack.platform.security.CallerScope;
import org.ventrack.platform.security.Roles;
import org.ventrack.pk.service.Alerts;

@Path("/api/v1/pk/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
public class AlertResource {

    @Inject
    Alerts alerts;
    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "Alerts of the caller's sites, newest first, paged: open, acknowledged or all")
    @APIResponse(responseCode = "400", description = "Unknown status")
    public Page<Alerts.Alert> list(@QueryParam("status") @DefaultValue("open") String status, @QueryParam("site") String site,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        if (!java.util.List.of("open", "acknowledged", "all").contains(status)) {
            throw ProblemException.invalid("status", "must be open, acknowledged or all");
        }
        return alerts.list(scope.siteFilter(), site, status, page, size);
    }

    @POST
    @Path("{id}/ack")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Acknowledge an alert: who and when are kept, and audited")
    @APIResponse(responseCode = "409", description = "Already acknowledged")
    public Alerts.Alert acknowledge(@PathParam("id") UUID id) {
        Alerts.Alert alert = scope.visible(alerts.find(id), Alerts.Alert::siteCode, Alerts.Alert::patientId)
                .orElseThrow(() -> ProblemException.notFound("Alert", id));
        scope.requireWrite(alert.siteCode());
        return alerts.acknowledge(alert, scope.caller());
    }
}
