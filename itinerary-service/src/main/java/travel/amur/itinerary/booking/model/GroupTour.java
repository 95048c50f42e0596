package travel.amur.itinerary.booking.model;

/**
 * A booking of a group tour: its travellers are checked together under the group regime, as the agency stands.
 *
 * @param agencyAuthorised whether the agency is authorised for group tours (null: not known)
 */
public record GroupTour(Boolean agencyAuthorised) {
}
