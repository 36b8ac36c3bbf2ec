package org.ventrack.patient.exchange;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bulk imports: limits, chunking and how long to wait for peer services. */
@ConfigMapping(prefix = "ventrack.imports")
public interface ImportsConfig {

    /** Largest upload accepted, in bytes; a larger file is refused (413) before a job is created. */
    @WithDefault("268435456")
    long maxUploadBytes();

    /** Rows (CSV rows or NDJSON lines) applied and committed together with the job's progress. */
    @WithDefault("500")
    int chunkRows();

    /** How long to wait for response- or pk-service to apply a patient's events before sending it the patient's records. */
    @WithDefault("60s")
    Duration peerWait();

    /** Rejected rows shown per page of a job's report. */
    @WithDefault("100")
    int rejectionsPageSize();
}
