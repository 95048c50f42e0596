package travel.amur.flight.disruption.application;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import travel.amur.common.contract.flight.FlightDisrupted;
import travel.amur.common.event.Causation;
import travel.amur.common.event.Topics;
import travel.amur.common.outbox.Outbox;
import travel.amur.flight.disruption.model.DisruptFlight;
import travel.amur.flight.disruption.model.FlightDisruption;

/**
 * Operations cancel or retime a flight: decided on the flight as it stands (locked), recorded for the audit, applied,
 * and announced as {@link FlightDisrupted} in the same transaction, so the trips on it are found.
 */
@Service
public class DisruptingFlights {

    private final DisruptedFlights flights;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    DisruptingFlights(DisruptedFlights flights, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.flights = flights;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** The decision; empty when there is no such flight. */
    public Mono<Optional<DisruptFlight.Decision>> disrupt(DisruptFlight command) {
        return tx.transactional(flights.lock(command.flightId())
                .flatMap(flight -> {
                    DisruptFlight.Decision decision = command.decide(flight, clock.instant(), UUID.randomUUID());
                    if (decision instanceof DisruptFlight.Disrupted disrupted) {
                        return flights.record(disrupted.disruption())
                                .then(announce(disrupted.disruption()))
                                .thenReturn(Optional.of(decision));
                    }
                    return Mono.just(Optional.of(decision));
                })
                .defaultIfEmpty(Optional.empty()));
    }

    private Mono<Void> announce(FlightDisruption d) {
        String subject = d.flightId().toString();
        return outbox.publish(Topics.FLIGHT_EVENTS, new FlightDisrupted(d.id(), d.flightId(), d.flightNumber(),
                d.type().name(), d.reason(), d.previousDeparture(), d.previousArrival(), d.departure(), d.arrival(),
                d.at()), subject, Causation.startOf(d.id().toString())).then();
    }
}
