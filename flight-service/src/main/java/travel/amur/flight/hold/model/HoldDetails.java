package travel.amur.flight.hold.model;

import java.time.Instant;
import java.util.UUID;
import travel.amur.flight.schedule.model.Cabin;

/**
 * What a hold is, whatever became of it: who holds how many seats of which cabin on which flight, at what price,
 * until when.
 *
 * @param bookingId the itinerary booking the hold is for, when the booking saga placed it
 */
public record HoldDetails(UUID id, String agencyId, UUID bookingId, UUID flightId, String flightNumber, Cabin cabin,
        Passengers passengers, Money total, Instant createdAt, Instant expiresAt) {

    public int seats() {
        return passengers.count();
    }
}
