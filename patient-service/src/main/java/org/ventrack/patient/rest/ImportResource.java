package org.ventrack.patient.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.ventrack.patient.exchange.CsvTemplates;
import org.ventrack.patient.exchange.ImportCaller;
import org.ventrack.patient.exchange.ImportJob;
import org.ventrack.patient.exchange.ImportService;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.security.CallerScope;
import org.ventrack.platform.security.Roles;

import io.smallrye.common.annotation.Blocking;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
@RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
public class ImportResource {

    @Inject
    ImportService imports;
    @Inject
    CallerScope scope;

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload a file to import: CSV (one record type per file, ?type=) or NDJSON (one patient document per line)",
            description = "Answers 202 with the job; follow its Location. Whole-file problems (size, not UTF-8, unknown "
                    + "format or type, CSV header) are refused before a job exists; row problems are rejected rows in the job.")
    @APIResponse(responseCode = "202", description = "Queued; Location names the job")
    @APIResponse(responseCode = "400", description = "Empty, not UTF-8, unknown type, CSV header missing or with unknown columns")
    @APIResponse(responseCode = "403", description = "Statisticians and admins do not import")
    @APIResponse(responseCode = "413", description = "Above ventrack.imports.max-upload-bytes")
    @APIResponse(responseCode = "415", description = "Neither text/csv nor application/x-ndjson")
    public RestResponse<ImportJob> upload(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "CSV record type, one of patients, measurements, comedications, treatment-courses, "
                    + "assessments, pk-samples, adverse-events, clinical-events") @QueryParam("type") String type,
            @Parameter(description = "validate every row, write nothing") @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "treatment courses",
                    value = Examples.IMPORT_CSV))) InputStream body) {
        ImportJob job = imports.upload(body, contentType, type, dryRun, ImportCaller.of(scope));
        return RestResponse.ResponseBuilder.<ImportJob>create(RestResponse.Status.ACCEPTED, job)
                .location(URI.create("/api/v1/imports/" + job.id())).build();
    }

    @GET
    @Operation(summary = "Your import jobs, newest first (at most 100)")
    public List<ImportJob> list() {
        return imports.ofOwner(scope.caller());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A job: state, rows done of total, applied, unchanged, and its rejected rows (line, field, reason), paged")
    @APIResponse(responseCode = "404", description = "No such job of yours")
    public ImportJob get(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("0") int size) {
        return imports.find(id, scope.caller(), page, size).orElseThrow(() -> ProblemException.notFound("Import", id));
    }

    @POST
    @Path("{id}/resume")
    @Operation(summary = "Resume a job with your token: sends the assessments and drug levels a restart left pending")
    @APIResponse(responseCode = "202", description = "Running again")
    @APIResponse(responseCode = "409", description = "The job has ended")
    public RestResponse<ImportJob> resume(@PathParam("id") UUID id) {
        ImportJob job = imports.resume(id, ImportCaller.of(scope)).orElseThrow(() -> ProblemException.notFound("Import", id));
        return RestResponse.ResponseBuilder.<ImportJob>create(RestResponse.Status.ACCEPTED, job)
                .location(URI.create("/api/v1/imports/" + id)).build();
    }

    @GET
    @Path("templates/{type}.csv")
    @Produces("text/csv")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "The CSV template of a record type: its header and an example row (columns in the README)")
    @APIResponse(responseCode = "404", description = "Not a record type")
    public RestResponse<String> template(@PathParam("type") String type) {
        CsvTemplates.Template template = CsvTemplates.byType(type)
                .orElseThrow(() -> ProblemException.notFound("CSV template", type));
        return org.ventrack.platform.export.Csv.attachment(type + ".csv", template.csv());
    }
}
