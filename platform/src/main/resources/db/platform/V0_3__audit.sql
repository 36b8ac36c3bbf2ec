-- Who changed what, when, with the state before and after: readable through each service's history endpoints.
CREATE TABLE audit_entry (
    id            BIGSERIAL PRIMARY KEY,
    at            TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    actor         TEXT        NOT NULL,
    action        TEXT        NOT NULL,
    resource_type TEXT        NOT NULL,
    resource_id   TEXT        NOT NULL,
    patient_id    UUID,
    before_state  JSONB,
    after_state   JSONB
);
CREATE INDEX audit_entry_resource ON audit_entry (resource_type, resource_id, id);
CREATE INDEX audit_entry_patient ON audit_entry (patient_id, id);
