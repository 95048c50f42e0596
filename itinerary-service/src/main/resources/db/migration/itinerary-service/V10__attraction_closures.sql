-- Attractions closed by operations for a while (Harbin Ice and Snow World closed early on 2026-02-21 in record
-- warmth): audited (who, when), lifted rather than deleted, and announced through the outbox.
CREATE TABLE attraction_closure (
    id            UUID        PRIMARY KEY,
    attraction_id TEXT        NOT NULL REFERENCES attraction,
    from_date     DATE        NOT NULL,
    to_date       DATE        CHECK (to_date IS NULL OR to_date >= from_date),
    reason        TEXT        NOT NULL,
    closed_by     TEXT        NOT NULL,
    closed_at     TIMESTAMPTZ NOT NULL,
    lifted_by     TEXT,
    lifted_at     TIMESTAMPTZ
);
CREATE INDEX attraction_closure_current ON attraction_closure (attraction_id) WHERE lifted_at IS NULL;
