-- Airports, carriers and weekly schedules of the direct Russia-Harbin routes.
CREATE TABLE airport (
    code      CHAR(3) PRIMARY KEY,
    name      TEXT    NOT NULL,
    city      TEXT    NOT NULL,
    country   CHAR(2) NOT NULL,
    time_zone TEXT    NOT NULL
);

CREATE TABLE carrier (
    code CHAR(2) PRIMARY KEY,
    name TEXT    NOT NULL
);

-- One weekly pattern of one flight number. Local times are those of each airport.
CREATE TABLE schedule (
    flight_number      TEXT     PRIMARY KEY,
    carrier            CHAR(2)  NOT NULL REFERENCES carrier,
    origin             CHAR(3)  NOT NULL REFERENCES airport,
    destination        CHAR(3)  NOT NULL REFERENCES airport,
    days_of_week       SMALLINT[] NOT NULL,
    departs_local      TIME     NOT NULL,
    arrives_local      TIME     NOT NULL,
    arrival_day_offset SMALLINT NOT NULL DEFAULT 0,
    aircraft           TEXT     NOT NULL,
    valid_from         DATE     NOT NULL,
    valid_to           DATE,
    source             TEXT     NOT NULL,
    note               TEXT,
    CHECK (origin <> destination),
    CHECK (days_of_week <@ ARRAY[1, 2, 3, 4, 5, 6, 7]::SMALLINT[] AND cardinality(days_of_week) > 0)
);

-- Seats and one-way fares per cabin of a schedule.
CREATE TABLE schedule_cabin (
    flight_number TEXT          NOT NULL REFERENCES schedule,
    cabin         TEXT          NOT NULL CHECK (cabin IN ('ECONOMY', 'BUSINESS')),
    seats         INT           NOT NULL CHECK (seats > 0),
    fare_rub      NUMERIC(12, 2) NOT NULL CHECK (fare_rub > 0),
    fare_cny      NUMERIC(12, 2) NOT NULL CHECK (fare_cny > 0),
    PRIMARY KEY (flight_number, cabin)
);
