-- Flights that operations cancelled or retimed. A cancelled flight sells no more seats; a retimed one keeps its holds
-- with its new times (the generator never overwrites a flight it has made: ON CONFLICT DO NOTHING).
ALTER TABLE flight ADD COLUMN status TEXT NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'CANCELLED'));

-- Each disruption as operations declared it: the audit trail, and what flight-service announced.
CREATE TABLE flight_disruption (
    id                 UUID        PRIMARY KEY,
    flight_id          UUID        NOT NULL REFERENCES flight ON DELETE CASCADE,
    type               TEXT        NOT NULL CHECK (type IN ('CANCELLED', 'RETIMED')),
    reason             TEXT        NOT NULL,
    previous_departure TIMESTAMPTZ NOT NULL,
    previous_arrival   TIMESTAMPTZ NOT NULL,
    departure          TIMESTAMPTZ,
    arrival            TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL,
    created_by         TEXT        NOT NULL,
    CHECK (type = 'CANCELLED' OR arrival > departure)
);

CREATE INDEX flight_disruption_by_flight ON flight_disruption (flight_id, created_at);
