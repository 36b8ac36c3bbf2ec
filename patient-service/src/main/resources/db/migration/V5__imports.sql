-- Bulk import jobs (POST /api/v1/imports): the upload, the progress committed with each chunk of rows, the report.
CREATE TABLE import_job (
    id                UUID PRIMARY KEY,
    owner             TEXT        NOT NULL,
    -- what the owner could write when it uploaded, so a job resumed after a restart keeps the same scope
    owner_roles       JSONB       NOT NULL,
    owner_sites       JSONB       NOT NULL,
    format            TEXT        NOT NULL,
    record_type       TEXT,
    dry_run           BOOLEAN     NOT NULL,
    state             TEXT        NOT NULL,
    rows_total        BIGINT      NOT NULL,
    -- rows before this position are applied to patient-service (the cursor a resumed job starts from)
    rows_done         BIGINT      NOT NULL DEFAULT 0,
    rows_applied      BIGINT      NOT NULL DEFAULT 0,
    rows_unchanged    BIGINT      NOT NULL DEFAULT 0,
    rows_rejected     BIGINT      NOT NULL DEFAULT 0,
    records_applied   BIGINT      NOT NULL DEFAULT 0,
    records_unchanged BIGINT      NOT NULL DEFAULT 0,
    records_rejected  BIGINT      NOT NULL DEFAULT 0,
    failure           TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX import_job_owner ON import_job (owner, created_at);
CREATE INDEX import_job_state ON import_job (state);

-- the uploaded file (UTF-8 text), kept until the job ends so a restarted service can read it again
CREATE TABLE import_upload (
    job_id  UUID PRIMARY KEY REFERENCES import_job (id) ON DELETE CASCADE,
    content TEXT NOT NULL
);

-- rows whose patient-service records are committed but whose response-/pk-service records are not yet sent
CREATE TABLE import_pending_row (
    job_id         UUID    NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    row_number     BIGINT  NOT NULL,
    line           BIGINT  NOT NULL,
    local_applied  BOOLEAN NOT NULL,
    local_rejected BOOLEAN NOT NULL,
    PRIMARY KEY (job_id, row_number)
);

CREATE TABLE import_rejection (
    id          BIGSERIAL PRIMARY KEY,
    job_id      UUID   NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    line        BIGINT NOT NULL,
    section     TEXT,
    record_key  TEXT,
    field       TEXT,
    reason      TEXT   NOT NULL,
    peer_status INTEGER
);
CREATE INDEX import_rejection_job ON import_rejection (job_id, line, id);
