-- Transactional outbox: events are stored here in the transaction of the change that caused them,
-- then published to Kafka by the relay (travel.amur.common.outbox.OutboxRelay).
CREATE TABLE outbox_event (
    position     BIGSERIAL PRIMARY KEY,
    id           UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    envelope     JSONB       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ
);

CREATE INDEX outbox_event_pending ON outbox_event (position) WHERE published_at IS NULL;
CREATE INDEX outbox_event_pending_by_key ON outbox_event (message_key, position) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Wakes the relay as soon as the inserting transaction commits (NOTIFY is delivered on commit only).
CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('amur_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_event_notify
    AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox();
