package travel.amur.flight.schedule.application;

import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.flight.schedule.model.Airport;
import travel.amur.flight.schedule.model.PlannedFlight;
import travel.amur.flight.schedule.model.Schedule;

/** The route network: airports, carriers, schedules, and where dated flights are stored. */
public interface Network {

    /** Every airport by IATA code; reference data, read once. */
    Mono<Map<String, Airport>> airports();

    /** Every carrier's name by code; reference data, read once. */
    Mono<Map<String, String>> carriers();

    Flux<Schedule> schedules();

    /** Stores flights not stored yet, with their seat inventory; emits how many were new. */
    Mono<Long> addFlights(List<PlannedFlight> flights);
}
