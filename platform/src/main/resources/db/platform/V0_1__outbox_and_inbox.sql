-- Shared by every service (from the platform module). Service migrations start at V1.

-- Transactional outbox: written in the same transaction as the change it describes,
-- published to Kafka in seq order by the OutboxRelay.
CREATE TABLE outbox_event (
    seq          BIGSERIAL PRIMARY KEY,
    id           UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    record_key   TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    envelope     TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Idempotent inbox: one row per consumed event, written with the read-model update.
CREATE TABLE inbox_event (
    event_id   UUID        PRIMARY KEY,
    topic      TEXT        NOT NULL,
    type       TEXT        NOT NULL,
    subject    TEXT        NOT NULL,
    event_time TIMESTAMPTZ NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
