package org.ventrack.response.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.ventrack.platform.export.Csv;
import org.ventrack.platform.export.sdtm.SdtmDomain;
import org.ventrack.platform.export.sdtm.SdtmRequests;
import org.ventrack.platform.problem.Problem;
import org.ventrack.platform.security.Roles;
import org.ventrack.response.sdtm.ResponseSdtmExport;

/** The SDTM-shaped RS dataset; patient-service serves it too (from here) with the other five domains. */
@Path("/api/v1/export/sdtm")
@Produces(Csv.MEDIA_TYPE)
@Tag(name = "Export")
@RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
public class SdtmExportResource {

    @Inject
    ResponseSdtmExport export;

    @GET
    @Path("{domain}")
    @Operation(summary = "RS (disease response) as SDTM-shaped CSV, for the caller's sites",
            description = "One OVRLRESP record per classified assessment and criteria set (RSCAT), one BESTRSP record per "
                    + "patient and criteria set. Not a certified SDTM dataset; the columns are described in "
                    + "patient-service/README.md (SDTM export).")
    @APIResponse(responseCode = "200", description = "The dataset", content = @Content(mediaType = "text/csv",
            examples = @ExampleObject(name = "RS", value = Examples.SDTM_RS)))
    @APIResponse(responseCode = "404", description = "Not RS (patient-service serves every domain)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RestResponse<String> domain(@PathParam("domain") String domain, @QueryParam("site") String site) {
        SdtmDomain chosen = SdtmRequests.domain(domain, List.of(SdtmDomain.RS));
        return Csv.attachment(chosen.fileName(), export.rs(site));
    }
}
