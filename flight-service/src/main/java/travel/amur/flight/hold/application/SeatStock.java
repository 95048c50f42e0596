package travel.amur.flight.hold.application;

import java.util.UUID;
import reactor.core.publisher.Mono;
import travel.amur.flight.hold.model.SeatMovement;
import travel.amur.flight.schedule.model.Cabin;

/** The seat inventory of flights. Every change is a single conditional update: it cannot oversell. */
public interface SeatStock {

    /** The flight's cabin, or empty when there is no such flight or cabin. */
    Mono<FlightToHold> flight(UUID flightId, Cabin cabin);

    /** Holds {@code seats} if that many are free; emits whether it did. */
    Mono<Boolean> take(UUID flightId, Cabin cabin, int seats);

    Mono<Void> move(UUID flightId, Cabin cabin, SeatMovement movement);

    Mono<Integer> available(UUID flightId, Cabin cabin);
}
