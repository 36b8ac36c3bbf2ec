package org.ventrack.patient.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.ventrack.patient.service.CsvExport;
import org.ventrack.platform.security.Roles;

/** CSV files for statisticians (RFC 4180, UTF-8, header row), limited to the caller's sites. */
@Path("/api/v1/export")
@Produces(CsvExport.MEDIA_TYPE)
@Tag(name = "Export")
public class ExportResource {

    @Inject
    CsvExport export;

    @GET
    @Path("patients.csv")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "One row per patient")
    public RestResponse<String> patients(@QueryParam("site") String site) {
        return file("patients.csv", export.patients(site));
    }

    @GET
    @Path("treatment-courses.csv")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "One row per venetoclax course")
    public RestResponse<String> courses(@QueryParam("site") String site) {
        return file("treatment-courses.csv", export.courses(site));
    }

    @GET
    @Path("clinical-events.csv")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "One row per clinical event (HSCT, relapse, progression, death, last follow-up)")
    public RestResponse<String> events(@QueryParam("site") String site) {
        return file("clinical-events.csv", export.clinicalEvents(site));
    }

    private static RestResponse<String> file(String name, String body) {
        return RestResponse.ResponseBuilder.ok(body, CsvExport.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
