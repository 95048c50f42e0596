CREATE TABLE test_effect (
    id         BIGSERIAL PRIMARY KEY,
    message_id TEXT NOT NULL,
    key        TEXT NOT NULL,
    sequence   INT  NOT NULL,
    note       TEXT NOT NULL
);

CREATE TABLE test_order (
    id     UUID PRIMARY KEY,
    client TEXT NOT NULL,
    item   TEXT NOT NULL
);
