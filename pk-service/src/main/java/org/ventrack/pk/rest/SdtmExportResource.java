package org.ventrack.pk.rest;

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
import org.ventrack.pk.sdtm.PkSdtmExport;

/** The SDTM-shaped PC dataset; patient-service serves it too (from here) with the other five domains. */
@Path("/api/v1/export/sdtm")
@Produces(Csv.MEDIA_TYPE)
@Tag(name = "Export")
@RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
public class SdtmExportResource {

    @Inject
    PkSdtmExport export;

    @GET
    @Path("{domain}")
    @Operation(summary = "PC (venetoclax concentrations) as SDTM-shaped CSV, for the caller's sites",
            description = "One record per plasma sample: PCTESTCD VENETOC, ng/mL, the last dose as reference time point. "
                    + "Not a certified SDTM dataset; the columns are described in patient-service/README.md (SDTM export).")
    @APIResponse(responseCode = "200", description = "The dataset", content = @Content(mediaType = "text/csv",
            examples = @ExampleObject(name = "PC", value = Examples.SDTM_PC)))
    @APIResponse(responseCode = "404", description = "Not PC (patient-service serves every domain)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RestResponse<String> domain(@PathParam("domain") String domain, @QueryParam("site") String site) {
        SdtmDomain chosen = SdtmRequests.domain(domain, List.of(SdtmDomain.PC));
        return Csv.attachment(chosen.fileName(), export.pc(site));
    }
}
