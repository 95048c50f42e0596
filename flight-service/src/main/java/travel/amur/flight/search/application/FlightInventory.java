package travel.amur.flight.search.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import reactor.core.publisher.Flux;
import travel.amur.flight.schedule.model.Cabin;
import travel.amur.flight.search.model.FlightSeats;

/** Reads dated flights with their seats. */
public interface FlightInventory {

    /** Flights of a route departing (local date) within the days given, after {@code now}, with enough free seats. */
    Flux<FlightSeats> onSale(String origin, String destination, LocalDate from, LocalDate to, Cabin cabin,
            int seatsNeeded, Instant now);

    /** Every cabin of one flight. */
    Flux<FlightSeats> flight(UUID flightId);
}
