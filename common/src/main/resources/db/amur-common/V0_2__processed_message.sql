-- Idempotent consumers: the id of every handled message, written in the handler's transaction.
CREATE TABLE processed_message (
    consumer     TEXT        NOT NULL,
    message_id   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, message_id)
);

CREATE INDEX processed_message_age ON processed_message (processed_at);
