-- What the data-quality checks need beyond the survival read model, kept from events (never from another database).

-- classified on-treatment marrows (ventrack.response.v1 assessment-classified, survival's criteria set):
-- whether the blasts were measured against a baseline marrow
CREATE TABLE assessment_baseline (
    assessment_id   UUID    PRIMARY KEY,
    patient_id      UUID    NOT NULL,
    assessment_date DATE    NOT NULL,
    has_baseline    BOOLEAN NOT NULL
);
CREATE INDEX assessment_baseline_patient ON assessment_baseline (patient_id);

-- venetoclax samples as pk-service judged them (ventrack.pk.v1 trough-measured)
CREATE TABLE pk_sample (
    sample_id  UUID      PRIMARY KEY,
    patient_id UUID      NOT NULL,
    sampled_at TIMESTAMP NOT NULL,
    kind       TEXT      NOT NULL,
    flags      JSONB     NOT NULL DEFAULT '[]'
);
CREATE INDEX pk_sample_patient ON pk_sample (patient_id);
