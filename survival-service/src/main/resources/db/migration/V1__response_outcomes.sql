-- Each patient's best response as response-service last published it, per criteria set: EFS needs treatment failure
-- and relapse after complete remission.
CREATE TABLE response_outcome (
    patient_id             UUID        NOT NULL,
    criteria               TEXT        NOT NULL,
    criteria_version       TEXT        NOT NULL,
    best_response          TEXT        NOT NULL,
    best_response_date     DATE,
    treatment_failure      BOOLEAN     NOT NULL,
    treatment_failure_date DATE,
    first_cr_date          DATE,
    relapse_after_cr       BOOLEAN     NOT NULL,
    relapse_date           DATE,
    last_assessment_date   DATE,
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (patient_id, criteria)
);
