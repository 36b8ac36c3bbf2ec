package org.ventrack.patient.fhir;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.common.annotation.Blocking;
import org.ventrack.patient.domain.Patient;
import org.ventrack.patient.service.RecordKeeper;
import org.ventrack.platform.security.CallerScope;
import org.ventrack.platform.security.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * FHIR R4 export: {@code Patient/{id}/$everything}, the Bulk Data {@code $export} with its status endpoint and NDJSON
 * files, and the CapabilityStatement. Read roles as the REST API; a site user sees its own sites only.
 */
@Path("/fhir/r4")
@Tag(name = "FHIR R4")
@RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
@Blocking
public class FhirResource {

    @Inject
    FhirJson fhir;
    @Inject
    RecordKeeper keeper;
    @Inject
    PatientDocumentReader reader;
    @Inject
    BulkExport export;
    @Inject
    CallerScope scope;
    @Inject
    ObjectMapper json;

    @GET
    @Path("metadata")
    @PermitAll
    @Produces(FhirJson.MEDIA_TYPE)
    @Operation(summary = "CapabilityStatement: what this FHIR R4 endpoint supports")
    public RestResponse<String> metadata(@Context UriInfo uri) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE).setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE)
                .setFhirVersion(Enumerations.FHIRVersion._4_0_1).setName("VenTrackPatientService")
                .setTitle("VenTrack patient-service FHIR R4 import and export").setDateElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-25"));
        cs.setFormat(List.of(new CodeType("json"), new CodeType(FhirJson.MEDIA_TYPE)));
        cs.getImplementation().setDescription("Pseudonymised registry data of the VenTrack venetoclax study")
                .setUrl(uri.getBaseUri().resolve("fhir/r4").toString());
        CapabilityStatement.CapabilityStatementRestComponent rest = cs.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER)
                .setDocumentation("POST a batch or transaction Bundle to the base URL; see patient-service/README.md for the mapping.");
        rest.getSecurity().setDescription("Bearer JWT (groups: site-user, investigator, statistician, admin; sites claim)");
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.BATCH);
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION);
        rest.addOperation().setName("export").setDefinition("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export");
        for (String type : BulkExport.TYPES) {
            CapabilityStatement.CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
            resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
            if ("Patient".equals(type)) {
                resource.addOperation().setName("everything").setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything");
                resource.addOperation().setName("export").setDefinition("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export");
            }
        }
        rest.addResource().setType("MedicationAdministration").addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
        return fhirJson(200, fhir.encode(cs));
    }

    @GET
    @Path("Patient/{id}/{operation}")
    @Produces(FhirJson.MEDIA_TYPE)
    @Operation(summary = "A patient's whole record as a searchset Bundle, assessments and pk samples included")
    @APIResponse(responseCode = "404", description = "No such patient, or one of another site (OperationOutcome)")
    @APIResponse(responseCode = "503", description = "response- or pk-service unreachable (OperationOutcome)")
    public RestResponse<String> everything(@PathParam("id") String id, @PathParam("operation") String operation) {
        requireOperation("$everything", operation);
        Patient patient = keeper.readable(uuid(id));
        PatientDocumentReader.Read read = reader.read(List.of(patient), scope.rawToken());
        Bundle bundle = DocumentToFhir.bundle(Bundle.BundleType.SEARCHSET, read.documents(), List.of(patient.id.toString()));
        for (String note : read.notes()) {
            bundle.addEntry().setResource(OperationOutcomes.information(note)).getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
        }
        return fhirJson(200, fhir.encode(bundle));
    }

    @GET
    @Path("{operation}")
    @Operation(summary = "Bulk Data kick-off (Prefer: respond-async): all patients of the caller's sites as NDJSON")
    @APIResponse(responseCode = "202", description = "Accepted; poll the Content-Location")
    public RestResponse<String> exportAll(@PathParam("operation") String operation, @HeaderParam("Prefer") String prefer, @QueryParam("_type") String types,
            @QueryParam("_outputFormat") String format, @QueryParam("_since") String since, @Context UriInfo uri) {
        requireOperation("$export", operation);
        return kickOff(prefer, types, format, since, uri);
    }

    @GET
    @Path("Patient/{operation}")
    @Operation(summary = "Bulk Data patient-level kick-off: the same as $export (every resource here is a patient's)")
    @APIResponse(responseCode = "202", description = "Accepted; poll the Content-Location")
    public RestResponse<String> exportPatients(@PathParam("operation") String operation, @HeaderParam("Prefer") String prefer,
            @QueryParam("_type") String types, @QueryParam("_outputFormat") String format, @QueryParam("_since") String since,
            @Context UriInfo uri) {
        requireOperation("$export", operation);
        return kickOff(prefer, types, format, since, uri);
    }

    @GET
    @Path("bulk-status/{job}")
    @Operation(summary = "Bulk Data status: 202 with X-Progress while running, 200 with the manifest when done")
    public RestResponse<String> status(@PathParam("job") String jobId, @Context UriInfo uri) {
        BulkExport.Job job = export.find(uuid(jobId), scope.caller()).orElseThrow(() -> notFound("export job " + jobId));
        return switch (job.state()) {
            case RUNNING -> RestResponse.ResponseBuilder.<String> create(202)
                    .header("X-Progress", job.done() + " of " + job.total() + " patients").header("Retry-After", "2").build();
            case COMPLETED -> RestResponse.ResponseBuilder.<String> ok(manifest(job, uri), "application/json")
                    .header("Expires", DateTimeFormatter.RFC_1123_DATE_TIME.format(job.createdAt().plusDays(1))).build();
            default -> throw FhirProblem.of(500, IssueType.EXCEPTION, "the export " + job.state().name().toLowerCase()
                    + (job.error() != null ? ": " + job.error() : ""));
        };
    }

    @DELETE
    @Path("bulk-status/{job}")
    @Operation(summary = "Cancels a running export, or deletes a finished one and its files")
    public RestResponse<String> cancel(@PathParam("job") String jobId) {
        if (!export.cancel(uuid(jobId), scope.caller())) {
            throw notFound("export job " + jobId);
        }
        return fhirJson(202, fhir.encode(OperationOutcomes.information("export " + jobId + " cancelled and deleted")));
    }

    @GET
    @Path("bulk-files/{job}/{type}.ndjson")
    @Produces(FhirJson.NDJSON)
    @Operation(summary = "One NDJSON file of a completed export (one resource per line)")
    public RestResponse<String> file(@PathParam("job") String jobId, @PathParam("type") String type) {
        String ndjson = export.file(uuid(jobId), scope.caller(), type).orElseThrow(() -> notFound(type + " file of export " + jobId));
        return RestResponse.ResponseBuilder.<String> ok(ndjson, FhirJson.NDJSON).build();
    }

    private RestResponse<String> kickOff(String prefer, String types, String format, String since, UriInfo uri) {
        if (prefer == null || !prefer.contains("respond-async")) {
            throw FhirProblem.of(400, IssueType.REQUIRED, "a bulk export needs the header Prefer: respond-async");
        }
        if (since != null) {
            throw FhirProblem.of(400, IssueType.NOTSUPPORTED, "_since is not supported: every export holds all records");
        }
        if (format != null && !List.of("application/fhir+ndjson", "application/ndjson", "ndjson").contains(format)) {
            throw FhirProblem.of(400, IssueType.NOTSUPPORTED, "_outputFormat must be application/fhir+ndjson");
        }
        List<String> wanted = types == null ? BulkExport.TYPES : Arrays.stream(types.split(",")).map(String::trim).distinct().toList();
        List<String> unknown = wanted.stream().filter(t -> !BulkExport.TYPES.contains(t)).toList();
        if (!unknown.isEmpty()) {
            throw FhirProblem.of(400, IssueType.NOTSUPPORTED, "_type " + unknown + " is not exported; exported: " + BulkExport.TYPES);
        }
        UUID job = export.start(scope.caller(), scope.siteFilter(), wanted, uri.getRequestUri().toString(), scope.rawToken());
        URI status = uri.getBaseUriBuilder().path("fhir/r4").path("bulk-status").path(job.toString()).build();
        return RestResponse.ResponseBuilder.<String> create(202).header("Content-Location", status.toString())
                .entity(fhir.encode(OperationOutcomes.information("export " + job + " started")))
                .header("Content-Type", FhirJson.MEDIA_TYPE).build();
    }

    private String manifest(BulkExport.Job job, UriInfo uri) {
        ObjectNode manifest = json.createObjectNode();
        manifest.put("transactionTime", job.createdAt().toString());
        manifest.put("request", job.requestUrl());
        manifest.put("requiresAccessToken", true);
        ArrayNode output = manifest.putArray("output");
        job.files().forEach((type, count) -> output.addObject().put("type", type).put("count", count)
                .put("url", uri.getBaseUriBuilder().path("fhir/r4").path("bulk-files").path(job.id().toString())
                        .path(type + ".ndjson").build().toString()));
        manifest.putArray("error");
        return manifest.toString();
    }

    /**
     * FHIR operations are path segments starting with {@code $}, which a JAX-RS path template does not match as a
     * literal; the segment is taken as a parameter and checked here.
     */
    private static void requireOperation(String expected, String operation) {
        if (!expected.equals(operation)) {
            throw FhirProblem.of(404, IssueType.NOTSUPPORTED, "operation " + operation + " is not supported here");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound("resource " + id);
        }
    }

    private static FhirProblem notFound(String what) {
        return FhirProblem.of(404, IssueType.NOTFOUND, "no " + what + " (or not one of your sites)");
    }

    static RestResponse<String> fhirJson(int status, String body) {
        return RestResponse.ResponseBuilder.<String> create(status).entity(body).header("Content-Type", FhirJson.MEDIA_TYPE).build();
    }
}
