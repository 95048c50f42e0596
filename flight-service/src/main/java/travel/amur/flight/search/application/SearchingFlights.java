package travel.amur.flight.search.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import travel.amur.flight.schedule.application.FlightsOnSale;
import travel.amur.flight.schedule.application.Network;
import travel.amur.flight.schedule.model.Airport;
import travel.amur.flight.schedule.model.Currency;
import travel.amur.flight.search.model.FlightQuery;
import travel.amur.flight.search.model.FlightSeats;
import travel.amur.flight.search.model.Price;

/**
 * Answers a search with offers: each a flight and cabin with enough free seats, priced for the party, valid for a
 * short while (like Duffel's {@code expires_at}).
 */
@Service
public class SearchingFlights {

    private final FlightInventory inventory;
    private final Network network;
    private final FlightsOnSale onSale;
    private final Clock clock;
    private final Duration offerLifetime;

    SearchingFlights(FlightInventory inventory, Network network, FlightsOnSale onSale, Clock clock,
            @Value("${amur.flight.offers.lifetime:PT20M}") Duration offerLifetime) {
        this.inventory = inventory;
        this.network = network;
        this.onSale = onSale;
        this.clock = clock;
        this.offerLifetime = offerLifetime;
    }

    /** An offer: a flight with seats for the party and what they pay, until {@code expiresAt}. */
    public record Offer(FlightSeats flight, Airport origin, Airport destination, String carrierName, Price price,
            Instant expiresAt) {
    }

    /** The offers found, or why the query cannot be answered. */
    public sealed interface Answer permits Offers, Refused {
    }

    public record Offers(FlightQuery query, Currency currency, List<Offer> offers) implements Answer {
    }

    public record Refused(List<FlightQuery.Problem> problems) implements Answer {
    }

    public Mono<Answer> search(FlightQuery query) {
        return Mono.zip(network.airports(), network.carriers()).flatMap(reference -> {
            Map<String, Airport> airports = reference.getT1();
            Instant now = clock.instant();
            Airport origin = airports.get(query.origin());
            LocalDate today = origin == null ? LocalDate.now(clock) : LocalDate.ofInstant(now, origin.zone());
            List<FlightQuery.Problem> problems = query.problems(airports, today, today.plusDays(onSale.horizonDays()));
            if (!problems.isEmpty()) {
                return Mono.just(new Refused(problems));
            }
            Currency currency = query.currency() != null ? query.currency() : Currency.soldIn(origin.country());
            Airport destination = airports.get(query.destination());
            return inventory.onSale(query.origin(), query.destination(), query.firstDay(), query.lastDay(),
                            query.cabin(), query.passengers(), now)
                    .map(flight -> new Offer(flight, origin, destination, reference.getT2().get(flight.carrier()),
                            Price.of(flight.fare().in(currency), query.passengers(), currency),
                            now.plus(offerLifetime)))
                    .collectList()
                    .map(offers -> new Offers(query, currency, offers));
        });
    }

    /** One flight with all its cabins, or empty. */
    public Mono<FlightDetails> flight(UUID flightId) {
        return Mono.zip(network.airports(), network.carriers()).flatMap(reference -> inventory.flight(flightId)
                .collectList()
                .filter(cabins -> !cabins.isEmpty())
                .map(cabins -> new FlightDetails(cabins, reference.getT1().get(cabins.get(0).origin()),
                        reference.getT1().get(cabins.get(0).destination()),
                        reference.getT2().get(cabins.get(0).carrier()), clock.instant())));
    }

    /** A flight as its cabins were found, with its airports, at {@code at}. */
    public record FlightDetails(List<FlightSeats> cabins, Airport origin, Airport destination, String carrierName,
            Instant at) {

        public FlightSeats any() {
            return cabins.get(0);
        }
    }
}
