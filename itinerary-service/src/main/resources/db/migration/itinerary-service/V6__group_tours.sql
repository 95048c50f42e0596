-- A booking of a group tour: its travellers are checked together under the group regime, with the agency's
-- authorisation for group tours as the gateway stated it when the booking started (null: not known).
ALTER TABLE booking_saga ADD COLUMN group_tour BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE booking_saga ADD COLUMN group_agency_authorised BOOLEAN;
