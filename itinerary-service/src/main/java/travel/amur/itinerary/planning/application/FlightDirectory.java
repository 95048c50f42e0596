package travel.amur.itinerary.planning.application;

import java.time.LocalDate;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.planning.model.FlightLeg;

/** The flight service: a flight's times and fares (empty when there is no such flight), and what is on sale. */
public interface FlightDirectory {

    Mono<FlightLeg> flight(UUID flightId);

    /** A flight on sale, with the economy seats it has left. */
    record Offer(UUID flightId, int seatsAvailable) {
    }

    /** Flights on sale from {@code origin} to {@code destination} within {@code flexDays} of {@code date}. */
    Flux<Offer> offers(String origin, String destination, LocalDate date, int flexDays);

    /** Whether any flight from {@code origin} to {@code destination} is on sale leaving between the two dates. */
    Mono<Boolean> anyFlight(String origin, String destination, LocalDate from, LocalDate to);
}
