package travel.amur.flight.disruption.application;

import java.util.UUID;
import reactor.core.publisher.Mono;
import travel.amur.flight.disruption.model.FlightDisruption;
import travel.amur.flight.disruption.model.FlightNow;

/** Flights as disruptions see them, and the disruptions recorded. */
public interface DisruptedFlights {

    /** The flight, locked for the transaction; empty if there is none. */
    Mono<FlightNow> lock(UUID flightId);

    /** Records the disruption and applies it to the flight (cancelled, or its new times). */
    Mono<Void> record(FlightDisruption disruption);
}
