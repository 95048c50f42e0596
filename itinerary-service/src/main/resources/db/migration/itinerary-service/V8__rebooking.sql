-- Alternatives for a disrupted trip, and re-booking one of them. A disruption's alternatives are NULL until they have
-- been worked out (and again after a re-booking failed, to be worked out anew); `accepted` names the alternative being
-- re-booked, `failure` why the last one could not be had.
ALTER TABLE itinerary_disruption ADD COLUMN alternatives JSONB;
ALTER TABLE itinerary_disruption ADD COLUMN accepted UUID;
ALTER TABLE itinerary_disruption ADD COLUMN failure TEXT;
ALTER TABLE itinerary_disruption ADD COLUMN changed_at TIMESTAMPTZ;
CREATE INDEX itinerary_disruption_awaiting_alternatives ON itinerary_disruption (detected_at)
    WHERE alternatives IS NULL AND status = 'OPEN';

-- A confirmed booking moving one of its flights to an alternative: the new hold, until it is confirmed or given up.
ALTER TABLE booking_saga ADD COLUMN rebooking JSONB;
