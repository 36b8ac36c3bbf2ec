package org.ventrack.patient.fhir;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jboss.resteasy.reactive.RestResponse;
import org.ventrack.patient.exchange.ApplyMode;
import org.ventrack.patient.exchange.ApplyResult;
import org.ventrack.patient.exchange.DocumentOutcome;
import org.ventrack.patient.exchange.ImportCaller;
import org.ventrack.patient.exchange.PatientDocument;
import org.ventrack.patient.exchange.PatientDocumentApplier;
import org.ventrack.patient.exchange.RecordOutcome;
import org.ventrack.patient.exchange.Section;
import org.ventrack.platform.security.CallerScope;
import org.ventrack.platform.security.Roles;

import io.smallrye.common.annotation.Blocking;

/**
 * FHIR R4 import: a batch or transaction Bundle is mapped to patient documents ({@link FhirToDocument}) and applied by
 * the import applier, which writes patient-service's records through its own checks, audit and outbox and hands
 * assessments and pk samples to response- and pk-service with the caller's token. The answer is a batch-response or
 * transaction-response Bundle with a status and an OperationOutcome per entry.
 */
@Path("/fhir/r4")
@Tag(name = "FHIR R4")
@Blocking
public class FhirImportResource {

    @Inject
    FhirJson fhir;
    @Inject
    PatientDocumentApplier applier;
    @Inject
    CallerScope scope;

    @POST
    @Consumes({ FhirJson.MEDIA_TYPE, "application/json" })
    @Produces(FhirJson.MEDIA_TYPE)
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR })
    @Operation(summary = "Import a batch or transaction Bundle (Patient, Condition, MedicationStatement/-Administration, "
            + "Procedure, AdverseEvent, Observation)")
    @APIResponse(responseCode = "200", description = "batch-response / transaction-response Bundle, an OperationOutcome per entry")
    @APIResponse(responseCode = "400", description = "Not UTF-8, not FHIR R4 JSON, not a Bundle, or not of type batch/transaction (OperationOutcome)")
    @APIResponse(responseCode = "422", description = "A transaction with an entry that cannot be accepted: nothing applied (OperationOutcome)")
    public RestResponse<String> process(byte[] body) {
        Bundle bundle = fhir.bundle(utf8(body));
        boolean transaction = bundle.getType() == Bundle.BundleType.TRANSACTION;
        if (!transaction && bundle.getType() != Bundle.BundleType.BATCH) {
            throw FhirProblem.of(400, IssueType.INVALID, "Bundle.type must be batch or transaction, not "
                    + (bundle.hasType() ? bundle.getType().toCode() : "missing"));
        }
        FhirToDocument.Result read = FhirToDocument.read(bundle);
        if (transaction && !read.issues().isEmpty()) {
            throw new FhirProblem(422, entryIssues(read));
        }
        List<PatientDocument> documents = read.documents().stream().map(PatientDocument::fromJson).toList();
        ApplyResult result = documents.isEmpty() ? new ApplyResult(transaction ? ApplyMode.TRANSACTION : ApplyMode.BATCH, List.of())
                : applier.apply(documents, transaction ? ApplyMode.TRANSACTION : ApplyMode.BATCH, ImportCaller.of(scope));
        Map<String, DocumentOutcome> byPatient = new HashMap<>();
        result.documents().forEach(d -> byPatient.put(d.siteCode() + "|" + d.upn(), d));
        if (transaction && result.documents().stream().flatMap(d -> d.records().stream())
                .noneMatch(r -> r.status() == RecordOutcome.Status.APPLIED) && result.anyRejected()) {
            OperationOutcome refused = new OperationOutcome();
            read.targets().forEach((entry, refs) -> outcomes(refs, byPatient).stream().filter(RecordOutcome::rejected)
                    .forEach(r -> OperationOutcomes.add(refused, IssueSeverity.ERROR, IssueType.BUSINESSRULE, reason(r),
                            "Bundle.entry[" + entry + "].resource")));
            throw new FhirProblem(422, refused);
        }
        Bundle response = new Bundle().setType(transaction ? Bundle.BundleType.TRANSACTIONRESPONSE : Bundle.BundleType.BATCHRESPONSE);
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryResponseComponent answer = response.addEntry().getResponse();
            List<FhirToDocument.Issue> issues = read.issues().get(i);
            if (issues != null) {
                answer.setStatus("422 Unprocessable Entity").setOutcome(OperationOutcomes.of(issues, null));
                continue;
            }
            List<FhirToDocument.RecordRef> refs = read.targets().getOrDefault(i, List.of());
            List<RecordOutcome> outcomes = outcomes(refs, byPatient);
            entryAnswer(answer, outcomes);
            if (!refs.isEmpty() && "patient".equals(refs.get(0).section())) {
                DocumentOutcome document = byPatient.get(refs.get(0).siteCode() + "|" + refs.get(0).upn());
                if (document != null && document.patientId() != null) {
                    answer.setLocation("Patient/" + document.patientId());
                }
            }
        }
        return FhirResource.fhirJson(200, fhir.encode(response));
    }

    private static void entryAnswer(Bundle.BundleEntryResponseComponent answer, List<RecordOutcome> outcomes) {
        OperationOutcome outcome = new OperationOutcome();
        Optional<RecordOutcome> rejected = outcomes.stream().filter(RecordOutcome::rejected).findFirst();
        if (rejected.isPresent()) {
            Integer peer = rejected.get().peerStatus();
            answer.setStatus(peer != null && peer >= 400 ? peer + " Refused by " + owner(rejected.get()) : "422 Unprocessable Entity");
            outcomes.stream().filter(RecordOutcome::rejected).forEach(r -> OperationOutcomes.add(outcome, IssueSeverity.ERROR,
                    IssueType.BUSINESSRULE, reason(r), r.field()));
        } else if (outcomes.stream().anyMatch(r -> r.status() == RecordOutcome.Status.NOT_APPLIED)) {
            answer.setStatus("409 Conflict");
            OperationOutcomes.add(outcome, IssueSeverity.ERROR, IssueType.CONFLICT,
                    "valid, but not applied: another record of the transaction was rejected", null);
        } else if (outcomes.stream().anyMatch(r -> r.status() == RecordOutcome.Status.DEFERRED)) {
            answer.setStatus("202 Accepted");
            OperationOutcomes.add(outcome, IssueSeverity.WARNING, IssueType.INCOMPLETE, "accepted, not yet sent to its service", null);
        } else if (outcomes.stream().anyMatch(r -> r.status() == RecordOutcome.Status.APPLIED)) {
            answer.setStatus("201 Created");
            OperationOutcomes.add(outcome, IssueSeverity.INFORMATION, IssueType.INFORMATIONAL, "applied", null);
        } else {
            answer.setStatus("200 OK");
            OperationOutcomes.add(outcome, IssueSeverity.INFORMATION, IssueType.INFORMATIONAL,
                    "already present with the same natural key: nothing written", null);
        }
        answer.setOutcome(outcome);
    }

    private static String owner(RecordOutcome r) {
        return r.section().owner().map(p -> p.serviceName()).orElse("patient-service");
    }

    private static String reason(RecordOutcome r) {
        String detail = r.peerProblem() != null && r.peerProblem().hasNonNull("detail") ? " (" + r.peerProblem().get("detail").asText() + ")" : "";
        return (r.field() != null ? r.field() + ": " : "") + (r.reason() != null ? r.reason() : "rejected") + detail;
    }

    private static List<RecordOutcome> outcomes(List<FhirToDocument.RecordRef> refs, Map<String, DocumentOutcome> byPatient) {
        List<RecordOutcome> found = new ArrayList<>();
        for (FhirToDocument.RecordRef ref : refs) {
            DocumentOutcome document = byPatient.get(ref.siteCode() + "|" + ref.upn());
            if (document == null) {
                continue;
            }
            Section section = "patient".equals(ref.section()) ? Section.PATIENT : Section.byJsonName(ref.section()).orElseThrow();
            document.records().stream().filter(r -> r.section() == section && r.index() == ref.index()).forEach(found::add);
        }
        return found;
    }

    private static OperationOutcome entryIssues(FhirToDocument.Result read) {
        OperationOutcome outcome = new OperationOutcome();
        read.issues().forEach((entry, issues) -> issues.forEach(i -> OperationOutcomes.add(outcome, IssueSeverity.ERROR,
                i.type(), "entry " + entry + ": " + i.message(), "Bundle.entry[" + entry + "].resource"
                        + (i.expression().isEmpty() ? "" : "." + i.expression()))));
        OperationOutcomes.add(outcome, IssueSeverity.INFORMATION, IssueType.INFORMATIONAL,
                "transaction refused: nothing was applied", null);
        return outcome;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
        } catch (CharacterCodingException e) {
            throw FhirProblem.of(400, IssueType.STRUCTURE, "the body is not UTF-8: FHIR JSON must be UTF-8 encoded");
        }
    }
}
