-- Venetoclax plasma samples as sites post them, with what the judgement derived at the last write.
CREATE TABLE pk_sample (
    id                     UUID PRIMARY KEY,
    patient_id             UUID          NOT NULL,
    sampled_at             TIMESTAMP     NOT NULL,
    last_dose_at           TIMESTAMP,
    daily_dose_mg          NUMERIC(7, 2) NOT NULL,
    concentration_ng_per_ml NUMERIC(10, 2),
    lloq_ng_per_ml         NUMERIC(10, 2),
    below_lloq             BOOLEAN       NOT NULL DEFAULT FALSE,
    kind                   TEXT          NOT NULL,
    dose_normalised        NUMERIC(12, 4),
    strong_inhibitor       BOOLEAN       NOT NULL DEFAULT FALSE,
    flags                  JSONB         NOT NULL DEFAULT '[]',
    version                BIGINT        NOT NULL,
    created_at             TIMESTAMPTZ   NOT NULL,
    updated_at             TIMESTAMPTZ   NOT NULL
);
CREATE INDEX pk_sample_patient ON pk_sample (patient_id, sampled_at);

-- Alerts for the clinicians of a site: a flagged level, or a strong CYP3A inhibitor started during venetoclax.
CREATE TABLE pk_alert (
    id               UUID PRIMARY KEY,
    patient_id       UUID        NOT NULL,
    site_code        TEXT        NOT NULL,
    kind             TEXT        NOT NULL,
    sample_id        UUID,
    comedication_id  UUID,
    flags            JSONB       NOT NULL DEFAULT '[]',
    reasons          JSONB       NOT NULL DEFAULT '[]',
    raised_at        TIMESTAMPTZ NOT NULL,
    acknowledged_by  TEXT,
    acknowledged_at  TIMESTAMPTZ
);
CREATE INDEX pk_alert_open ON pk_alert (site_code, raised_at) WHERE acknowledged_at IS NULL;
CREATE UNIQUE INDEX pk_alert_once_per_comedication ON pk_alert (comedication_id) WHERE comedication_id IS NOT NULL;
