package travel.amur.itinerary.planning.model;

/**
 * The agency an itinerary belongs to, as the gateway says of it.
 *
 * @param groupToursAuthorised whether operations authorised it to send group tours under the China-Russia agreement;
 *         null when not known (a call that did not come through the gateway)
 */
public record Agency(String id, Boolean groupToursAuthorised) {
}
