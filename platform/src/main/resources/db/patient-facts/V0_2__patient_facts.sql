-- Read model of patient-service's facts, kept by the services that consume ventrack.patient.v1.
CREATE TABLE patient_facts (
    patient_id      UUID PRIMARY KEY,
    site_code       TEXT        NOT NULL,
    upn             TEXT        NOT NULL,
    sex             TEXT,
    birth_date      DATE,
    diagnosis       TEXT,
    diagnosis_date  DATE,
    events_applied  INTEGER     NOT NULL DEFAULT 0,
    last_event_id   UUID        NOT NULL,
    last_event_time TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX patient_facts_site ON patient_facts (site_code);
