package org.ventrack.patient.rest;

import org.ventrack.platform.export.Csv;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.ventrack.patient.sdtm.SdtmExport;
import org.ventrack.patient.service.CsvExport;
import org.ventrack.platform.export.sdtm.SdtmDomain;
import org.ventrack.platform.export.sdtm.SdtmRequests;
import org.ventrack.platform.problem.Problem;
import org.ventrack.platform.security.Roles;

/** CSV files for statisticians (RFC 4180, UTF-8, header row), limited to the caller's sites. */
@Path("/api/v1/export")
@Produces(CsvExport.MEDIA_TYPE)
@Tag(name = "Export")
public class ExportResource {

    @Inject
    CsvExport export;
    @Inject
    SdtmExport sdtm;

    @GET
    @Path("patients.csv")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "One row per patient")
    public RestResponse<String> patients(@QueryParam("site") String site) {
        return Csv.attachment("patients.csv", export.patients(site));
    }

    @GET
    @Path("treatment-courses.csv")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "One row per venetoclax course")
    public RestResponse<String> courses(@QueryParam("site") String site) {
        return Csv.attachment("treatment-courses.csv", export.courses(site));
    }

    @GET
    @Path("clinical-events.csv")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "One row per clinical event (HSCT, relapse, progression, death, last follow-up)")
    public RestResponse<String> events(@QueryParam("site") String site) {
        return Csv.attachment("clinical-events.csv", export.clinicalEvents(site));
    }

    @GET
    @Path("sdtm/{domain}")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "One SDTM-shaped dataset (DM, EX, CM, AE, RS or PC) as CSV",
            description = "SDTM variable names and controlled terms (SDTMIG 3.x) where VenTrack records the data; not a "
                    + "certified SDTM package. RS comes from response-service and PC from pk-service, asked with the "
                    + "caller's token. Every column is described in patient-service/README.md (SDTM export).")
    @APIResponse(responseCode = "200", description = "The dataset", content = @Content(mediaType = "text/csv",
            examples = @ExampleObject(name = "DM", value = Examples.SDTM_DM)))
    @APIResponse(responseCode = "404", description = "Not one of DM, EX, CM, AE, RS, PC",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "RS or PC: response-service or pk-service did not answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RestResponse<String> sdtmDomain(@Parameter(description = "DM, EX, CM, AE, RS or PC") @PathParam("domain") String domain,
            @QueryParam("site") String site) {
        SdtmDomain chosen = SdtmRequests.domain(domain, java.util.List.of(SdtmDomain.values()));
        return Csv.attachment(chosen.fileName(), sdtm.csv(chosen, site));
    }

    @GET
    @Path("sdtm.zip")
    @Produces(SdtmExport.ZIP_MEDIA_TYPE)
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "All six SDTM-shaped datasets and a define-style README.txt in one zip",
            description = "All or nothing: when response-service or pk-service cannot answer, the answer is 503, not a "
                    + "zip without RS or PC.")
    @APIResponse(responseCode = "200", description = "dm.csv, ex.csv, cm.csv, ae.csv, rs.csv, pc.csv and README.txt",
            content = @Content(mediaType = SdtmExport.ZIP_MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "response-service or pk-service did not answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RestResponse<byte[]> sdtmZip(@QueryParam("site") String site) {
        return RestResponse.ResponseBuilder.ok(sdtm.zip(site), SdtmExport.ZIP_MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"sdtm.zip\"").build();
    }
}
