-- The ice-and-snow catalog: attractions and events, their seasons per year, and ready-made packages.
CREATE TABLE attraction (
    id                  TEXT          PRIMARY KEY,
    kind                TEXT          NOT NULL CHECK (kind IN ('ATTRACTION', 'EVENT', 'RESORT')),
    city                TEXT          NOT NULL,
    latitude            NUMERIC(8, 5) NOT NULL,
    longitude           NUMERIC(8, 5) NOT NULL,
    all_year            BOOLEAN       NOT NULL,
    opens_at            TIME,
    closes_at           TIME,
    price_adult_cny     NUMERIC(10, 2),
    price_concession_cny NUMERIC(10, 2),
    minutes_needed      INT           NOT NULL CHECK (minutes_needed > 0),
    outdoor             BOOLEAN       NOT NULL,
    names               JSONB         NOT NULL,
    descriptions        JSONB         NOT NULL,
    source              TEXT          NOT NULL,
    note                TEXT
);

-- When a seasonal attraction is open, per winter season (the year the season starts).
CREATE TABLE attraction_season (
    attraction_id TEXT    NOT NULL REFERENCES attraction,
    season_year   INT     NOT NULL,
    opens         DATE    NOT NULL,
    closes        DATE    NOT NULL,
    confirmed     BOOLEAN NOT NULL,
    source        TEXT    NOT NULL,
    PRIMARY KEY (attraction_id, season_year),
    CHECK (closes >= opens)
);

CREATE TABLE trip_package (
    id           TEXT  PRIMARY KEY,
    days         INT   NOT NULL CHECK (days > 0),
    titles       JSONB NOT NULL,
    descriptions JSONB NOT NULL,
    note         TEXT
);

-- What a package does on which of its days (day 1 is the arrival day).
CREATE TABLE trip_package_item (
    package_id    TEXT NOT NULL REFERENCES trip_package,
    day           INT  NOT NULL CHECK (day > 0),
    position      INT  NOT NULL,
    attraction_id TEXT NOT NULL REFERENCES attraction,
    PRIMARY KEY (package_id, day, position)
);
