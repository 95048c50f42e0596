package travel.amur.itinerary.booking.model;

/**
 * Why a booking was refused.
 *
 * @param code VISA_NOT_ELIGIBLE, SOLD_OUT, FLIGHT_DEPARTED, FLIGHT_NOT_FOUND, HOLD_EXPIRED, SEATS_RELEASED or TIMEOUT
 * @param subject the traveller or step it is about
 */
public record Refusal(String code, String message, String subject) {
}
