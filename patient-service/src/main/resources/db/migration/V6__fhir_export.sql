-- FHIR Bulk Data export jobs (GET /fhir/r4/$export) and their NDJSON files. The caller's token is never stored:
-- a job runs in the process that accepted it; a job found running at start-up was cut off by a restart and is
-- marked failed (the client starts a new export).
CREATE TABLE fhir_export_job (
    id            UUID PRIMARY KEY,
    caller        TEXT        NOT NULL,
    sites         JSONB,                   -- null: every site (statistician, investigator, admin)
    request_url   TEXT        NOT NULL,
    types         JSONB       NOT NULL,    -- resource types asked for (_type), all handled ones when absent
    state         TEXT        NOT NULL CHECK (state IN ('RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    patients_done INTEGER     NOT NULL DEFAULT 0,
    patients_total INTEGER    NOT NULL DEFAULT 0,
    error         TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ
);

CREATE TABLE fhir_export_file (
    job_id        UUID    NOT NULL REFERENCES fhir_export_job (id) ON DELETE CASCADE,
    resource_type TEXT    NOT NULL,
    line_count    INTEGER NOT NULL,
    ndjson        TEXT    NOT NULL,
    PRIMARY KEY (job_id, resource_type)
);
