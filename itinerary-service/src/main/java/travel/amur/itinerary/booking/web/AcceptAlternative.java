package travel.amur.itinerary.booking.web;

import java.util.UUID;

/** Which of a disruption's alternatives the agency takes. */
record AcceptAlternative(UUID alternativeId) {
}
