-- The dated facts of patient-service that consuming services derive from: venetoclax courses and clinical events.
CREATE TABLE patient_course (
    course_id     UUID PRIMARY KEY,
    patient_id    UUID    NOT NULL,
    start_date    DATE    NOT NULL,
    regimen       TEXT    NOT NULL,
    dose_basis    TEXT,
    daily_dose_mg NUMERIC,
    end_date      DATE,
    version       BIGINT  NOT NULL
);
CREATE INDEX patient_course_patient ON patient_course (patient_id, start_date);

CREATE TABLE patient_clinical_event (
    event_id    UUID PRIMARY KEY,
    patient_id  UUID NOT NULL,
    kind        TEXT NOT NULL,
    event_date  DATE NOT NULL,
    death_cause TEXT,
    version     BIGINT NOT NULL
);
CREATE INDEX patient_clinical_event_patient ON patient_clinical_event (patient_id, event_date);
