package org.ventrack.patient.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies patient documents, the interchange unit of every import (NDJSON, CSV, FHIR). patient-service's own records
 * (patient, measurements, co-medications, courses, adverse and clinical events) are checked with the REST API's rules
 * and written in one transaction with their audit entries and outbox events; assessments go to response-service and
 * drug levels to pk-service through their REST APIs with the caller's token, after that transaction committed.
 * Idempotent: records already present (by natural key) come out {@code UNCHANGED}, so importing again applies nothing
 * twice.
 *
 * <p>Two ways in: {@link #apply} does everything for a request (FHIR bundles, small uploads); a job splits it, calling
 * {@link #applyLocal} inside its own transaction (so its progress commits with the rows) and {@link #applyPeers}
 * after the commit.
 */
@ApplicationScoped
public class PatientDocumentApplier {

    /** What {@link #applyLocal} did, and the peer records still to send for each document. */
    public static final class LocalApplication {
        private final ApplyMode mode;
        private final List<DocumentOutcome> outcomes;
        private final List<PeerWork> peerWork;

        LocalApplication(ApplyMode mode, List<DocumentOutcome> outcomes, List<PeerWork> peerWork) {
            this.mode = mode;
            this.outcomes = List.copyOf(outcomes);
            this.peerWork = List.copyOf(peerWork);
        }

        public ApplyMode mode() {
            return mode;
        }

        /** One per document, in order; peer records are {@code VALID} (to be sent) or rejected already. */
        public List<DocumentOutcome> outcomes() {
            return outcomes;
        }

        /** Whether {@link #applyPeers} has anything to send. */
        public boolean hasPeerWork() {
            return !peerWork.isEmpty();
        }

        List<PeerWork> peerWork() {
            return peerWork;
        }
    }

    record PeerWork(int documentIndex, UUID patientId, List<LocalPlan.PeerRecord> records) {
    }

    @Inject
    DocumentChecker checker;
    @Inject
    LocalRecordWriter writer;
    @Inject
    PeerRecordSender sender;

    /** Applies one document; see {@link #apply(List, ApplyMode, ImportCaller)}. */
    public DocumentOutcome apply(PatientDocument document, ApplyMode mode, ImportCaller caller) {
        return apply(List.of(document), mode, caller).documents().get(0);
    }

    /**
     * Applies the documents: patient-service's records in a new transaction, then (not for a dry run, and not when a
     * transaction was refused) the peers' records. Must be called outside a transaction: peers are called after the
     * commit so they can see the patient's events.
     */
    public ApplyResult apply(List<PatientDocument> documents, ApplyMode mode, ImportCaller caller) {
        LocalApplication local = QuarkusTransaction.requiringNew().call(() -> applyLocal(documents, mode, caller));
        return new ApplyResult(mode, applyPeers(local, caller));
    }

    /**
     * Checks every document and writes patient-service's records in the caller's transaction (nothing for
     * {@code DRY_RUN}, nothing at all for {@code TRANSACTION} when any record is rejected). Stored patients named by
     * the documents are locked until the transaction ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LocalApplication applyLocal(List<PatientDocument> documents, ApplyMode mode, ImportCaller caller) {
        List<LocalPlan> plans = checker.check(documents, caller, mode != ApplyMode.DRY_RUN);
        boolean refused = mode == ApplyMode.TRANSACTION && plans.stream().anyMatch(LocalPlan::anyRejected);
        RecordOutcome.Status planned = switch (mode) {
            case DRY_RUN -> RecordOutcome.Status.VALID;
            case BATCH -> RecordOutcome.Status.APPLIED;
            case TRANSACTION -> refused ? RecordOutcome.Status.NOT_APPLIED : RecordOutcome.Status.APPLIED;
        };
        if (planned == RecordOutcome.Status.APPLIED) {
            writer.write(plans, caller.name());
        }
        List<DocumentOutcome> outcomes = new ArrayList<>();
        List<PeerWork> work = new ArrayList<>();
        for (LocalPlan plan : plans) {
            List<RecordOutcome> records = new ArrayList<>();
            for (RecordOutcome o : plan.outcomes) {
                boolean peer = !o.section().local();
                if (o.status() != RecordOutcome.Status.VALID) {
                    records.add(o);
                } else if (peer && planned == RecordOutcome.Status.APPLIED) {
                    records.add(o); // stays VALID until applyPeers sends it
                } else {
                    records.add(o.withStatus(planned));
                }
            }
            records.sort(Comparator.comparing((RecordOutcome o) -> o.section().ordinal()).thenComparing(RecordOutcome::index));
            boolean patientKnown = plan.patientId != null && (plan.newPatient == null || planned == RecordOutcome.Status.APPLIED);
            outcomes.add(new DocumentOutcome(plan.documentIndex, plan.siteCode, plan.upn, patientKnown ? plan.patientId : null, records));
            if (planned == RecordOutcome.Status.APPLIED && !plan.peerRecords.isEmpty()) {
                work.add(new PeerWork(plan.documentIndex, plan.patientId, List.copyOf(plan.peerRecords)));
            }
        }
        return new LocalApplication(mode, outcomes, work);
    }

    /**
     * Sends the peer records {@link #applyLocal} left to send, after its transaction committed; returns the final
     * outcome of every document. Without a token in {@code caller}, peer records come out {@code DEFERRED}.
     */
    public List<DocumentOutcome> applyPeers(LocalApplication local, ImportCaller caller) {
        List<DocumentOutcome> result = new ArrayList<>(local.outcomes());
        for (PeerWork work : local.peerWork()) {
            List<RecordOutcome> sent = sender.send(work.patientId(), work.records(), caller);
            DocumentOutcome before = result.get(work.documentIndex());
            List<RecordOutcome> merged = new ArrayList<>();
            for (RecordOutcome o : before.records()) {
                RecordOutcome replacement = o.section().local() || o.status() != RecordOutcome.Status.VALID ? o
                        : sent.stream().filter(s -> s.section() == o.section() && s.index() == o.index()).findFirst().orElse(o);
                merged.add(replacement);
            }
            result.set(work.documentIndex(), new DocumentOutcome(before.index(), before.siteCode(), before.upn(),
                    before.patientId(), merged));
        }
        return result;
    }
}
