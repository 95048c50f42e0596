-- Dated flights, generated from the schedules for a rolling year (travel.amur.flight.schedule).
CREATE TABLE flight (
    id             UUID        PRIMARY KEY,
    flight_number  TEXT        NOT NULL REFERENCES schedule,
    carrier        CHAR(2)     NOT NULL REFERENCES carrier,
    origin         CHAR(3)     NOT NULL REFERENCES airport,
    destination    CHAR(3)     NOT NULL REFERENCES airport,
    departure_date DATE        NOT NULL,
    departs_at     TIMESTAMPTZ NOT NULL,
    arrives_at     TIMESTAMPTZ NOT NULL,
    aircraft       TEXT        NOT NULL,
    UNIQUE (flight_number, departure_date),
    CHECK (arrives_at > departs_at)
);

CREATE INDEX flight_by_route_and_day ON flight (origin, destination, departure_date);

-- Seats of one cabin of one flight. Every change is one conditional UPDATE; the CHECK is the last guard
-- against overbooking, whatever the code does.
CREATE TABLE seat_inventory (
    flight_id UUID           NOT NULL REFERENCES flight ON DELETE CASCADE,
    cabin     TEXT           NOT NULL CHECK (cabin IN ('ECONOMY', 'BUSINESS')),
    capacity  INT            NOT NULL CHECK (capacity > 0),
    held      INT            NOT NULL DEFAULT 0,
    sold      INT            NOT NULL DEFAULT 0,
    fare_rub  NUMERIC(12, 2) NOT NULL,
    fare_cny  NUMERIC(12, 2) NOT NULL,
    PRIMARY KEY (flight_id, cabin),
    CHECK (held >= 0 AND sold >= 0 AND held + sold <= capacity)
);

-- A hold as placed (amount and flight number are copied: the hold is what the agency was promised).
-- Rejected saga holds are kept too, so a redelivered HoldSeats gets the same answer; their flight may not exist.
CREATE TABLE seat_hold (
    id              UUID           PRIMARY KEY,
    agency_id       TEXT           NOT NULL,
    booking_id      UUID,
    flight_id       UUID           NOT NULL,
    flight_number   TEXT,
    cabin           TEXT           NOT NULL,
    seats           INT            NOT NULL CHECK (seats BETWEEN 1 AND 9),
    passenger_names TEXT[]         NOT NULL DEFAULT '{}',
    status          TEXT           NOT NULL CHECK (status IN ('HELD', 'CONFIRMED', 'RELEASED', 'EXPIRED', 'REJECTED')),
    reason          TEXT,
    amount          NUMERIC(12, 2) NOT NULL,
    currency        CHAR(3)        NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL,
    expires_at      TIMESTAMPTZ    NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL
);

CREATE INDEX seat_hold_due_to_expire ON seat_hold (expires_at) WHERE status = 'HELD';
CREATE INDEX seat_hold_by_agency ON seat_hold (agency_id, created_at);

-- A ReleaseSeats that overtook its HoldSeats: the hold it names must never be made.
CREATE TABLE hold_tombstone (
    hold_id    UUID        PRIMARY KEY,
    booking_id UUID,
    created_at TIMESTAMPTZ NOT NULL
);
