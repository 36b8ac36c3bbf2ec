package org.ventrack.patient.exchange;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs import jobs, one at a time, in chunks of {@code ventrack.imports.chunk-rows} rows. Each chunk's patient-service
 * records, its rejected rows and the job's cursor commit in one transaction, so a restarted service resumes after the
 * last committed row and never applies a row twice (and a row applied twice would still change nothing: records are
 * matched by natural key). After the commit the chunk's assessments and drug levels go to their services with the
 * owner's token. The token is held in memory only: a job resumed after a restart goes on with patient-service's rows,
 * keeps the rows with peer records pending, and ends AWAITING_RESUME until its owner resumes it with a fresh token.
 */
@ApplicationScoped
public class ImportWorker {

    @Inject
    ImportJobStore store;
    @Inject
    PatientDocumentApplier applier;
    @Inject
    ImportsConfig config;
    @Inject
    Instance<ImportFormat> formats;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "import-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, ImportCaller> callers = new ConcurrentHashMap<>();
    private final Set<UUID> scheduled = ConcurrentHashMap.newKeySet();

    void onStart(@Observes StartupEvent event) {
        resumeInterrupted();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Picks up the jobs a restart interrupted, without a token (their peer records wait for a resume). */
    public void resumeInterrupted() {
        for (UUID id : store.unfinished()) {
            submit(id, null);
        }
    }

    /**
     * Runs the job, or gives a running one the caller's token.
     *
     * @param caller the owner with a token, or null to run with the owner stored with the job and no token
     */
    public void submit(UUID id, ImportCaller caller) {
        if (caller != null) {
            callers.put(id, caller);
        }
        if (scheduled.add(id)) {
            executor.submit(() -> {
                try {
                    run(id);
                } catch (RuntimeException e) {
                    Log.errorf(e, "import %s failed", id);
                    store.state(id, ImportJob.State.FAILED, "the import stopped: " + e.getClass().getSimpleName()
                            + "; the rows before row " + store.definition(id).map(ImportJobStore.Definition::rowsDone).orElse(0L)
                            + " are applied");
                } finally {
                    scheduled.remove(id);
                    callers.remove(id);
                }
            });
        }
    }

    /** Whether the job is queued or running in this instance. */
    public boolean active(UUID id) {
        return scheduled.contains(id);
    }

    private ImportCaller caller(ImportJobStore.Definition job) {
        ImportCaller fromRequest = callers.get(job.id());
        return fromRequest != null ? fromRequest : new ImportCaller(job.owner(), job.roles(), job.sites(), null);
    }

    private void run(UUID id) {
        ImportJobStore.Definition job = store.definition(id).orElseThrow();
        if (job.state() == ImportJob.State.SUCCEEDED || job.state() == ImportJob.State.FAILED) {
            return;
        }
        store.state(id, ImportJob.State.RUNNING, null);
        ImportFormat format = formats.stream().filter(f -> f.name().equals(job.format())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no reader for " + job.format()));
        Iterator<ImportRow> rows = format.rows(store.content(id), job.recordType());
        Map<Long, ImportJobStore.Pending> pending = store.pending(id);
        ApplyMode mode = job.dryRun() ? ApplyMode.DRY_RUN : ApplyMode.BATCH;
        List<Numbered> replay = new ArrayList<>();
        List<Numbered> chunk = new ArrayList<>();
        long rowNumber = 0;
        while (rows.hasNext()) {
            ImportRow row = rows.next();
            if (rowNumber < job.rowsDone()) {
                if (pending.containsKey(rowNumber) && caller(job).hasToken()) {
                    replay.add(new Numbered(rowNumber, row));
                    if (replay.size() >= config.chunkRows()) {
                        replayPeers(job, replay, pending);
                        replay.clear();
                    }
                }
            } else {
                chunk.add(new Numbered(rowNumber, row));
                if (chunk.size() >= config.chunkRows()) {
                    applyChunk(job, mode, chunk);
                    chunk.clear();
                }
            }
            rowNumber++;
        }
        if (!replay.isEmpty()) {
            replayPeers(job, replay, pending);
        }
        if (!chunk.isEmpty()) {
            applyChunk(job, mode, chunk);
        }
        boolean awaiting = !store.pending(id).isEmpty();
        store.state(id, awaiting ? ImportJob.State.AWAITING_RESUME : ImportJob.State.SUCCEEDED, null);
        Log.infof("import %s: %s after %d rows", id, awaiting ? "awaiting its owner's token" : "succeeded", rowNumber);
    }

    private record Numbered(long rowNumber, ImportRow row) {
    }

    /** New rows: patient-service's records and the cursor in one transaction, then the peers' records. */
    private void applyChunk(ImportJobStore.Definition job, ApplyMode mode, List<Numbered> chunk) {
        ImportCaller caller = caller(job);
        List<Numbered> readable = chunk.stream().filter(n -> n.row().readable()).toList();
        long chunkEnd = chunk.get(chunk.size() - 1).rowNumber() + 1;
        PatientDocumentApplier.LocalApplication local = QuarkusTransaction.requiringNew().call(() -> {
            PatientDocumentApplier.LocalApplication applied = applier.applyLocal(
                    readable.stream().map(n -> n.row().document()).toList(), mode, caller);
            ImportJobStore.Counts counts = new ImportJobStore.Counts();
            List<ImportJob.Rejection> rejections = new ArrayList<>();
            List<ImportJobStore.Pending> pendingRows = new ArrayList<>();
            for (Numbered n : chunk) {
                if (!n.row().readable()) {
                    rejections.add(new ImportJob.Rejection(n.row().line(), null, null, n.row().field(), n.row().problem(), null));
                    counts.rowsRejected++;
                    counts.recordsRejected++;
                }
            }
            for (int i = 0; i < readable.size(); i++) {
                DocumentOutcome outcome = applied.outcomes().get(i);
                long line = readable.get(i).row().line();
                boolean waitsForPeers = mode != ApplyMode.DRY_RUN && outcome.records().stream()
                        .anyMatch(r -> !r.section().local() && r.status() == RecordOutcome.Status.VALID);
                List<RecordOutcome> settled = outcome.records().stream()
                        .filter(r -> !(waitsForPeers && !r.section().local() && r.status() == RecordOutcome.Status.VALID)).toList();
                count(settled, mode, counts);
                settled.stream().filter(RecordOutcome::rejected).forEach(r -> rejections.add(rejection(line, r)));
                if (waitsForPeers) {
                    pendingRows.add(new ImportJobStore.Pending(readable.get(i).rowNumber(), line,
                            outcome.count(RecordOutcome.Status.APPLIED) > 0, outcome.anyRejected()));
                } else {
                    countRow(outcome.records(), mode, counts, false, false);
                }
            }
            store.reject(job.id(), rejections);
            store.addPending(job.id(), pendingRows);
            store.progress(job.id(), chunkEnd, counts);
            return applied;
        });
        if (local.hasPeerWork() && caller.hasToken()) {
            settlePeers(job, local, readable, caller);
        }
    }

    /** Rows applied to patient-service before a restart whose peer records are still to send, now with a token. */
    private void replayPeers(ImportJobStore.Definition job, List<Numbered> rows, Map<Long, ImportJobStore.Pending> pending) {
        ImportCaller caller = caller(job);
        List<Numbered> readable = rows.stream().filter(n -> n.row().readable()).toList();
        PatientDocumentApplier.LocalApplication local = QuarkusTransaction.requiringNew().call(() -> applier.applyLocal(
                readable.stream().map(n -> n.row().document()).toList(), ApplyMode.BATCH, caller));
        settlePeers(job, local, readable, caller);
        pending.keySet().removeAll(rows.stream().map(Numbered::rowNumber).toList());
    }

    private void settlePeers(ImportJobStore.Definition job, PatientDocumentApplier.LocalApplication local,
            List<Numbered> readable, ImportCaller caller) {
        List<DocumentOutcome> finals = applier.applyPeers(local, caller);
        Map<Long, ImportJobStore.Pending> pending = store.pending(job.id());
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJobStore.Counts counts = new ImportJobStore.Counts();
            List<ImportJob.Rejection> rejections = new ArrayList<>();
            for (int i = 0; i < readable.size(); i++) {
                ImportJobStore.Pending row = pending.get(readable.get(i).rowNumber());
                if (row == null) {
                    continue;
                }
                List<RecordOutcome> before = local.outcomes().get(i).records();
                List<RecordOutcome> after = finals.get(i).records();
                List<RecordOutcome> peerOutcomes = new ArrayList<>();
                for (int k = 0; k < after.size(); k++) {
                    // only the records sent now; those refused before sending were counted with the chunk
                    if (!after.get(k).section().local() && before.get(k).status() == RecordOutcome.Status.VALID) {
                        peerOutcomes.add(after.get(k));
                    }
                }
                if (peerOutcomes.stream().anyMatch(r -> r.status() == RecordOutcome.Status.DEFERRED)) {
                    continue;
                }
                count(peerOutcomes, ApplyMode.BATCH, counts);
                peerOutcomes.stream().filter(RecordOutcome::rejected).forEach(r -> rejections.add(rejection(row.line(), r)));
                countRow(peerOutcomes, ApplyMode.BATCH, counts, row.localApplied(), row.localRejected());
                store.removePending(job.id(), row.rowNumber());
            }
            store.reject(job.id(), rejections);
            store.progress(job.id(), 0, counts);
        });
    }

    private static void count(List<RecordOutcome> outcomes, ApplyMode mode, ImportJobStore.Counts counts) {
        for (RecordOutcome r : outcomes) {
            switch (r.status()) {
                case APPLIED -> counts.recordsApplied++;
                case VALID -> {
                    if (mode == ApplyMode.DRY_RUN) {
                        counts.recordsApplied++;
                    }
                }
                case UNCHANGED -> counts.recordsUnchanged++;
                case REJECTED, NOT_APPLIED -> counts.recordsRejected++;
                default -> {
                }
            }
        }
    }

    /** A row is rejected if any record is, applied if any record was (would be, in a dry run), else unchanged. */
    private static void countRow(List<RecordOutcome> outcomes, ApplyMode mode, ImportJobStore.Counts counts,
            boolean appliedBefore, boolean rejectedBefore) {
        boolean rejected = rejectedBefore || outcomes.stream().anyMatch(RecordOutcome::rejected);
        boolean applied = appliedBefore || outcomes.stream().anyMatch(r -> r.status() == RecordOutcome.Status.APPLIED
                || (mode == ApplyMode.DRY_RUN && r.status() == RecordOutcome.Status.VALID));
        if (rejected) {
            counts.rowsRejected++;
        } else if (applied) {
            counts.rowsApplied++;
        } else {
            counts.rowsUnchanged++;
        }
    }

    private static ImportJob.Rejection rejection(long line, RecordOutcome r) {
        return new ImportJob.Rejection(line, r.section().jsonName(), r.key(), r.field(), r.reason(), r.peerStatus());
    }
}
