package org.ventrack.patient.fhir;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hl7.fhir.r4.model.DomainResource;
import org.ventrack.patient.domain.Patient;
import org.ventrack.patient.domain.PatientRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * FHIR Bulk Data export jobs: one NDJSON file per resource type of the caller's sites, built in the background and kept
 * in the database (V6). The caller's token, needed to read assessments and pk samples from their services, lives only
 * in memory while the job runs; a job found running at start-up was cut off by a restart and is marked failed.
 */
@ApplicationScoped
public class BulkExport {

    /** The resource types an export can hold, in the order the manifest lists them. */
    public static final List<String> TYPES = List.of("Patient", "Condition", "MedicationStatement", "Procedure",
            "AdverseEvent", "Observation");
    private static final int BATCH = 50;

    public enum State { RUNNING, COMPLETED, FAILED, CANCELLED }

    /** A job as its status endpoint shows it. */
    public record Job(UUID id, String caller, State state, int done, int total, String requestUrl, String error,
            OffsetDateTime createdAt, Map<String, Integer> files) {
    }

    @Inject
    EntityManager em;
    @Inject
    PatientRepository patients;
    @Inject
    PatientDocumentReader reader;
    @Inject
    FhirJson fhir;
    @Inject
    ObjectMapper json;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fhir-bulk-export");
        thread.setDaemon(true);
        return thread;
    });

    void interruptedByRestart(@Observes StartupEvent start) {
        int cut = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("UPDATE fhir_export_job SET state = 'FAILED', "
                + "error = 'interrupted by a restart of patient-service; start a new export', finished_at = now() "
                + "WHERE state = 'RUNNING'").executeUpdate());
        if (cut > 0) {
            Log.infof("%d FHIR export job(s) cut off by the restart marked failed", cut);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Starts a job for the caller's sites (empty: every site) and returns its id. */
    public UUID start(String caller, Optional<Set<String>> sites, List<String> types, String requestUrl, String token) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO fhir_export_job (id, caller, sites, "
                + "request_url, types, state, created_at) VALUES (?1, ?2, cast(?3 AS jsonb), ?4, cast(?5 AS jsonb), 'RUNNING', now())")
                .setParameter(1, id).setParameter(2, caller).setParameter(3, sites.map(this::write).orElse(null))
                .setParameter(4, requestUrl).setParameter(5, write(types)).executeUpdate());
        worker.submit(() -> run(id, sites, types, token));
        return id;
    }

    private void run(UUID id, Optional<Set<String>> sites, List<String> types, String token) {
        try {
            List<Patient> scoped = QuarkusTransaction.requiringNew().call(() -> patients.inScope(sites, null));
            progress(id, 0, scoped.size());
            Map<String, StringBuilder> files = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            types.forEach(t -> {
                files.put(t, new StringBuilder());
                counts.put(t, 0);
            });
            for (int from = 0; from < scoped.size(); from += BATCH) {
                if (state(id) != State.RUNNING) {
                    return;
                }
                List<Patient> batch = scoped.subList(from, Math.min(scoped.size(), from + BATCH));
                PatientDocumentReader.Read read = QuarkusTransaction.requiringNew().call(() -> reader.read(batch, token));
                for (int d = 0; d < read.documents().size(); d++) {
                    for (DomainResource resource : DocumentToFhir.resources(read.documents().get(d), read.patientIds().get(d).toString())) {
                        StringBuilder file = files.get(resource.fhirType());
                        if (file != null) {
                            file.append(fhir.encodeLine(resource)).append('\n');
                            counts.merge(resource.fhirType(), 1, Integer::sum);
                        }
                    }
                }
                progress(id, from + batch.size(), scoped.size());
            }
            QuarkusTransaction.requiringNew().run(() -> {
                if (state(id) != State.RUNNING) {
                    return;
                }
                files.forEach((type, ndjson) -> {
                    if (counts.get(type) > 0) {
                        em.createNativeQuery("INSERT INTO fhir_export_file (job_id, resource_type, line_count, ndjson) "
                                + "VALUES (?1, ?2, ?3, ?4)").setParameter(1, id).setParameter(2, type)
                                .setParameter(3, counts.get(type)).setParameter(4, ndjson.toString()).executeUpdate();
                    }
                });
                finish(id, State.COMPLETED, null);
            });
        } catch (RuntimeException e) {
            Log.warnf(e, "FHIR export job %s failed", id);
            QuarkusTransaction.requiringNew().run(() -> finish(id, State.FAILED, e.getMessage()));
        }
    }

    /** The job, if it exists and is the caller's own. */
    public Optional<Job> find(UUID id, String caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT caller, state, patients_done, patients_total, request_url, error, "
                    + "created_at FROM fhir_export_job WHERE id = ?1").setParameter(1, id).getResultList();
            if (rows.isEmpty() || !caller.equals(rows.get(0)[0])) {
                return Optional.empty();
            }
            Object[] r = rows.get(0);
            Map<String, Integer> files = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> fileRows = em.createNativeQuery("SELECT resource_type, line_count FROM fhir_export_file WHERE job_id = ?1")
                    .setParameter(1, id).getResultList();
            fileRows.stream().sorted((a, b) -> TYPES.indexOf((String) a[0]) - TYPES.indexOf((String) b[0]))
                    .forEach(f -> files.put((String) f[0], ((Number) f[1]).intValue()));
            return Optional.of(new Job(id, (String) r[0], State.valueOf((String) r[1]), ((Number) r[2]).intValue(),
                    ((Number) r[3]).intValue(), (String) r[4], (String) r[5], created(r[6]), files));
        });
    }

    /** One file of a completed job, if the job is the caller's own. */
    public Optional<String> file(UUID id, String caller, String type) {
        return find(id, caller).flatMap(job -> QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("SELECT ndjson FROM fhir_export_file WHERE job_id = ?1 AND resource_type = ?2")
                    .setParameter(1, id).setParameter(2, type).getResultList();
            return rows.isEmpty() ? Optional.<String> empty() : Optional.of((String) rows.get(0));
        }));
    }

    /** Cancels a running job, or deletes a finished one and its files: true when the job was the caller's. */
    public boolean cancel(UUID id, String caller) {
        if (find(id, caller).isEmpty()) {
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM fhir_export_job WHERE id = ?1")
                .setParameter(1, id).executeUpdate());
        return true;
    }

    private State state(UUID id) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT state FROM fhir_export_job WHERE id = ?1")
                .setParameter(1, id).getResultList());
        return rows.isEmpty() ? State.CANCELLED : State.valueOf((String) rows.get(0));
    }

    private void progress(UUID id, int done, int total) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE fhir_export_job SET patients_done = ?2, "
                + "patients_total = ?3 WHERE id = ?1 AND state = 'RUNNING'").setParameter(1, id).setParameter(2, done)
                .setParameter(3, total).executeUpdate());
    }

    private void finish(UUID id, State state, String error) {
        em.createNativeQuery("UPDATE fhir_export_job SET state = ?2, error = ?3, finished_at = now() WHERE id = ?1 AND state = 'RUNNING'")
                .setParameter(1, id).setParameter(2, state.name()).setParameter(3, error).executeUpdate();
    }

    private static OffsetDateTime created(Object value) {
        if (value instanceof OffsetDateTime o) return o;
        if (value instanceof java.time.Instant i) return i.atOffset(ZoneOffset.UTC);
        if (value instanceof java.sql.Timestamp t) return t.toInstant().atOffset(ZoneOffset.UTC);
        return OffsetDateTime.parse(value.toString());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
