CREATE TABLE site (
    code       TEXT PRIMARY KEY,
    name       TEXT        NOT NULL,
    country    CHAR(2)     NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE patient (
    id             UUID PRIMARY KEY,
    site_code      TEXT        NOT NULL REFERENCES site (code),
    upn            TEXT        NOT NULL,
    sex            TEXT        NOT NULL,
    birth_date     DATE        NOT NULL,
    diagnosis      TEXT        NOT NULL,
    diagnosis_date DATE,
    version        BIGINT      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT patient_upn_unique_in_site UNIQUE (site_code, upn)
);
CREATE INDEX patient_site ON patient (site_code, created_at);
