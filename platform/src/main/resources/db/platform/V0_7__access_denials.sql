-- Refused attempts to reach another site's data: who, which site and patient, which endpoint, when. No clinical
-- values: only ids, site codes and the request's method and path. Read by admins (GET /api/v1/audit/access-denials).
CREATE TABLE access_denial (
    id           BIGSERIAL PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    actor        TEXT        NOT NULL,
    actor_sites  TEXT[]      NOT NULL,
    site_code    TEXT        NOT NULL,
    patient_id   UUID,
    method       TEXT        NOT NULL,
    path         TEXT        NOT NULL
);
CREATE INDEX access_denial_patient ON access_denial (patient_id, id);
CREATE INDEX access_denial_site ON access_denial (site_code, id);
