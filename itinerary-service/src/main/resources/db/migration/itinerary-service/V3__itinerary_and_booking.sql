-- Itineraries as agencies build them, and the saga that books them.
CREATE TABLE itinerary (
    id          UUID        PRIMARY KEY,
    agency_id   TEXT        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('DRAFT', 'PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED')),
    version     INT         NOT NULL,
    draft       JSONB       NOT NULL,
    plan        JSONB       NOT NULL,
    rejections  JSONB       NOT NULL DEFAULT '[]',
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX itinerary_by_agency ON itinerary (agency_id, status, created_at DESC);

-- The booking saga's state: one row per booked itinerary, its steps as a document, the next deadline for the
-- timeout scanner.
CREATE TABLE booking_saga (
    itinerary_id  UUID        PRIMARY KEY REFERENCES itinerary,
    phase         TEXT        NOT NULL,
    steps         JSONB       NOT NULL,
    rejections    JSONB       NOT NULL DEFAULT '[]',
    next_deadline TIMESTAMPTZ,
    started_at    TIMESTAMPTZ NOT NULL,
    ended_at      TIMESTAMPTZ
);

CREATE INDEX booking_saga_due ON booking_saga (next_deadline) WHERE next_deadline IS NOT NULL;

-- What happened to each saga, in order: for support and for the curious.
CREATE TABLE saga_log (
    position     BIGSERIAL   PRIMARY KEY,
    itinerary_id UUID        NOT NULL REFERENCES itinerary,
    at           TIMESTAMPTZ NOT NULL,
    entry        TEXT        NOT NULL
);

CREATE INDEX saga_log_by_itinerary ON saga_log (itinerary_id, position);
