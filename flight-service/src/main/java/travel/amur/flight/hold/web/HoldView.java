package travel.amur.flight.hold.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import travel.amur.flight.hold.model.HoldDetails;
import travel.amur.flight.hold.model.RejectedHold;
import travel.amur.flight.hold.model.ReleasedSeats;
import travel.amur.flight.hold.model.SeatHold;

/**
 * A hold as an agency sees it. {@code expiresAt} is when held seats go back unless confirmed (Duffel's
 * {@code payment_required_by}).
 */
record HoldView(UUID holdId, String status, UUID flightId, String flightNumber, String cabin, int seats,
        List<String> passengerNames, Total total, Instant createdAt, Instant expiresAt, UUID bookingId,
        String reason) {

    /** The price of all the seats. */
    record Total(BigDecimal amount, String currency) {
    }

    static HoldView of(SeatHold hold) {
        HoldDetails d = hold.details();
        String reason = hold instanceof ReleasedSeats released ? released.reason()
                : hold instanceof RejectedHold rejected ? rejected.explanation() : null;
        return new HoldView(d.id(), hold.status().name(), d.flightId(), d.flightNumber(), d.cabin().name(),
                d.seats(), d.passengers().names(), new Total(d.total().amount(), d.total().currency().name()),
                d.createdAt(), d.expiresAt(), d.bookingId(), reason);
    }
}
