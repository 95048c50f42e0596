package travel.amur.itinerary.planning.application;

import java.util.UUID;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.planning.model.FlightLeg;

/** The flight service, asked for a flight's times and fares; empty when there is no such flight. */
public interface FlightDirectory {

    Mono<FlightLeg> flight(UUID flightId);
}
