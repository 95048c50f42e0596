-- Agencies' webhooks and the deliveries of events to them. A delivery is written in the transaction that handles its
-- event and sent from here (this table is the webhooks' outbox): a restart loses none.
CREATE TABLE webhook (
    id         UUID        PRIMARY KEY,
    agency_id  TEXT        NOT NULL,
    url        TEXT        NOT NULL,
    events     TEXT[]      NOT NULL,
    -- Signs every delivery (HMAC-SHA256); shown to the agency once, when the webhook is registered.
    secret     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_by_agency ON webhook (agency_id, created_at);

CREATE TABLE webhook_delivery (
    id              UUID        PRIMARY KEY,
    -- Orders an itinerary's deliveries to one webhook: the next is sent only once the one before is settled.
    position        BIGSERIAL   NOT NULL UNIQUE,
    webhook_id      UUID        NOT NULL REFERENCES webhook ON DELETE CASCADE,
    event_type      TEXT        NOT NULL,
    itinerary_id    UUID        NOT NULL,
    body            TEXT        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INT         NOT NULL DEFAULT 0,
    last_status     INT,
    last_error      TEXT,
    next_attempt_at TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    retry_from      TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_by_itinerary ON webhook_delivery (webhook_id, itinerary_id, position)
    WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_by_webhook ON webhook_delivery (webhook_id, position DESC);
