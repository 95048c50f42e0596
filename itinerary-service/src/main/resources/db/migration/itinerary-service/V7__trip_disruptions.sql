-- What befell a trip after it was planned: one of its flights cancelled or retimed (closures and entry-policy changes
-- are to come). One row per trip and cause: a cause announced twice is recorded once.
CREATE TABLE itinerary_disruption (
    id           UUID        PRIMARY KEY,
    itinerary_id UUID        NOT NULL REFERENCES itinerary ON DELETE CASCADE,
    source_id    UUID        NOT NULL,
    type         TEXT        NOT NULL CHECK (type IN ('FLIGHT_CANCELLED', 'FLIGHT_RETIMED', 'ATTRACTION_CLOSED',
                                                      'ENTRY_POLICY_CHANGED')),
    subject      TEXT        NOT NULL,
    detail       TEXT        NOT NULL,
    detected_at  TIMESTAMPTZ NOT NULL,
    status       TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED', 'DISMISSED')),
    UNIQUE (itinerary_id, source_id)
);

CREATE INDEX itinerary_disruption_by_itinerary ON itinerary_disruption (itinerary_id, detected_at);
