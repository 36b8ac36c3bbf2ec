-- What response-service publishes of each patient (best-response-changed), kept for Table 1: the blasts of the
-- baseline marrow and the best response. patient-service never reads response-service's database.
CREATE TABLE response_fact (
    patient_id             UUID        NOT NULL REFERENCES patient (id),
    criteria               TEXT        NOT NULL,
    criteria_version       TEXT        NOT NULL,
    best_response          TEXT        NOT NULL,
    responder              BOOLEAN     NOT NULL,
    baseline_blast_percent NUMERIC(6, 3),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (patient_id, criteria)
);
