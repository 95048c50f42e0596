-- A booking's refusals are the itinerary's (itinerary.rejections): the saga no longer keeps a copy of its own.
ALTER TABLE booking_saga DROP COLUMN rejections;
