-- The clinical record around a patient (Table 1 and Table 2 of the founding paper come out of it).
ALTER TABLE patient
    ADD COLUMN prior_relapses      INTEGER  NOT NULL DEFAULT 0,
    ADD COLUMN prior_lines         INTEGER,
    ADD COLUMN prior_hsct          BOOLEAN  NOT NULL DEFAULT FALSE,
    ADD COLUMN prior_hsct_date     DATE,
    ADD COLUMN cns_status          SMALLINT,
    ADD COLUMN extramedullary_sites JSONB   NOT NULL DEFAULT '[]',
    ADD COLUMN genetic_alterations JSONB    NOT NULL DEFAULT '[]';

CREATE TABLE body_measurement (
    id          UUID PRIMARY KEY,
    patient_id  UUID          NOT NULL REFERENCES patient (id),
    measured_on DATE          NOT NULL,
    weight_kg   NUMERIC(5, 2) NOT NULL,
    height_cm   NUMERIC(5, 1) NOT NULL,
    version     BIGINT        NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX body_measurement_patient ON body_measurement (patient_id, measured_on);

CREATE TABLE treatment_course (
    id                UUID PRIMARY KEY,
    patient_id        UUID          NOT NULL REFERENCES patient (id),
    start_date        DATE          NOT NULL,
    regimen           TEXT          NOT NULL,
    partner_agents    JSONB         NOT NULL DEFAULT '[]',
    cycle_length_days INTEGER       NOT NULL,
    active_days       INTEGER       NOT NULL,
    dose_basis        TEXT          NOT NULL,
    daily_dose_mg     NUMERIC(7, 2) NOT NULL,
    ramp_up           BOOLEAN       NOT NULL,
    cycles_given      NUMERIC(4, 1),
    end_date          DATE,
    end_reason        TEXT,
    version           BIGINT        NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX treatment_course_patient ON treatment_course (patient_id, start_date);
CREATE INDEX treatment_course_regimen ON treatment_course (regimen);

CREATE TABLE comedication (
    id             UUID PRIMARY KEY,
    patient_id     UUID        NOT NULL REFERENCES patient (id),
    drug           TEXT        NOT NULL,
    cyp3a_inhibition TEXT      NOT NULL,
    start_date     DATE        NOT NULL,
    end_date       DATE,
    version        BIGINT      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX comedication_patient ON comedication (patient_id, start_date);

CREATE TABLE clinical_event (
    id               UUID PRIMARY KEY,
    patient_id       UUID        NOT NULL REFERENCES patient (id),
    kind             TEXT        NOT NULL,
    event_date       DATE        NOT NULL,
    hsct_donor       TEXT,
    hsct_conditioning TEXT,
    death_cause      TEXT,
    version          BIGINT      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX clinical_event_patient ON clinical_event (patient_id, event_date);
-- one death per patient, whatever the race between two writers
CREATE UNIQUE INDEX clinical_event_one_death ON clinical_event (patient_id) WHERE kind = 'DEATH';

CREATE TABLE adverse_event (
    id          UUID PRIMARY KEY,
    patient_id  UUID        NOT NULL REFERENCES patient (id),
    term        TEXT        NOT NULL,
    grade       SMALLINT    NOT NULL CHECK (grade BETWEEN 1 AND 5),
    onset_date  DATE        NOT NULL,
    serious     BOOLEAN     NOT NULL,
    attribution TEXT        NOT NULL,
    regimen     TEXT,
    version     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX adverse_event_patient ON adverse_event (patient_id, onset_date);
