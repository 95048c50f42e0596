-- The booking saga gives up at a deadline derived from what it holds, not after a number of attempts.
ALTER TABLE booking_saga ADD COLUMN deadline TIMESTAMPTZ;
UPDATE booking_saga SET deadline = started_at + INTERVAL '5 minutes';
ALTER TABLE booking_saga ALTER COLUMN deadline SET NOT NULL;

-- A step names when its command is sent again ("resendAt"); it used to call that its "deadline".
UPDATE booking_saga
   SET steps = (SELECT jsonb_agg((step - 'deadline') || jsonb_build_object('resendAt', step -> 'deadline'))
                  FROM jsonb_array_elements(steps) AS step);

-- What a pending booking waits for (steps asked more than once), for whoever watches the itinerary.
ALTER TABLE itinerary ADD COLUMN waiting_for JSONB NOT NULL DEFAULT '[]';
