-- Idempotency-Key requests: the first response per client and key, kept at least 24 hours.
CREATE TABLE idempotency_key (
    client                TEXT        NOT NULL,
    idempotency_key       TEXT        NOT NULL,
    operation             TEXT        NOT NULL,
    fingerprint           TEXT        NOT NULL,
    state                 TEXT        NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
    locked_until          TIMESTAMPTZ NOT NULL,
    response_status       INT,
    response_content_type TEXT,
    response_body         TEXT,
    response_location     TEXT,
    created_at            TIMESTAMPTZ NOT NULL,
    expires_at            TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (client, idempotency_key)
);

CREATE INDEX idempotency_key_expiry ON idempotency_key (expires_at);
