package travel.amur.itinerary.planning.model;

/**
 * Why a booking was refused: a code (VISA_NOT_ELIGIBLE, SOLD_OUT, TIMEOUT ...), a sentence, and the traveller or step it
 * is about.
 */
public record Rejection(String code, String message, String subject) {
}
