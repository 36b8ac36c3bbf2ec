-- Co-medications (with their CYP3A class) and body measurements, for the services that dose and judge venetoclax.
CREATE TABLE patient_comedication (
    comedication_id UUID PRIMARY KEY,
    patient_id      UUID   NOT NULL,
    drug            TEXT   NOT NULL,
    cyp3a           TEXT   NOT NULL,
    start_date      DATE   NOT NULL,
    end_date        DATE,
    version         BIGINT NOT NULL
);
CREATE INDEX patient_comedication_patient ON patient_comedication (patient_id, start_date);

CREATE TABLE patient_measurement (
    measurement_id UUID PRIMARY KEY,
    patient_id     UUID    NOT NULL,
    measured_on    DATE    NOT NULL,
    weight_kg      NUMERIC NOT NULL,
    height_cm      NUMERIC NOT NULL,
    bsa_m2         NUMERIC,
    version        BIGINT  NOT NULL
);
CREATE INDEX patient_measurement_patient ON patient_measurement (patient_id, measured_on);
