-- Marrow and blood assessments as sites post them.
CREATE TABLE assessment (
    id                     UUID PRIMARY KEY,
    patient_id             UUID          NOT NULL,
    assessment_date        DATE          NOT NULL,
    cycle                  INTEGER,
    blast_percent          NUMERIC(6, 3),
    circulating_blasts     BOOLEAN,
    extramedullary_disease BOOLEAN,
    extramedullary_sites   JSONB         NOT NULL DEFAULT '[]',
    platelets              NUMERIC(8, 3),
    anc                    NUMERIC(7, 3),
    transfusion_dependent  BOOLEAN,
    cellularity_percent    NUMERIC(6, 3),
    cells_counted          INTEGER,
    mrd_status             TEXT,
    mrd_level_percent      NUMERIC(9, 6),
    baseline               BOOLEAN       NOT NULL DEFAULT FALSE,
    version                BIGINT        NOT NULL,
    created_at             TIMESTAMPTZ   NOT NULL,
    updated_at             TIMESTAMPTZ   NOT NULL
);
CREATE INDEX assessment_patient ON assessment (patient_id, assessment_date);

-- Every result of every assessment under every criteria set and version; a re-classification supersedes the
-- current row and keeps it as history.
CREATE TABLE classification (
    id                     BIGSERIAL PRIMARY KEY,
    assessment_id          UUID        NOT NULL,
    patient_id             UUID        NOT NULL,
    criteria               TEXT        NOT NULL,
    criteria_version       TEXT        NOT NULL,
    category               TEXT        NOT NULL,
    mrd_negative           BOOLEAN     NOT NULL,
    reasons                JSONB       NOT NULL,
    missing                JSONB       NOT NULL,
    baseline_assessment_id UUID,
    classified_at          TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    superseded_at          TIMESTAMPTZ
);
CREATE UNIQUE INDEX classification_current ON classification (assessment_id, criteria) WHERE superseded_at IS NULL;
CREATE INDEX classification_assessment ON classification (assessment_id, id);
CREATE INDEX classification_patient ON classification (patient_id) WHERE superseded_at IS NULL;

-- Each patient's best overall response under each criteria set, as last published.
CREATE TABLE best_response (
    patient_id             UUID        NOT NULL,
    criteria               TEXT        NOT NULL,
    criteria_version       TEXT        NOT NULL,
    best_response          TEXT        NOT NULL,
    best_response_date     DATE,
    mrd_at_best_response   TEXT,
    treatment_failure      BOOLEAN     NOT NULL,
    treatment_failure_date DATE,
    first_cr_date          DATE,
    relapse_after_cr       BOOLEAN     NOT NULL,
    relapse_date           DATE,
    baseline_blast_percent NUMERIC(6, 3),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (patient_id, criteria)
);
