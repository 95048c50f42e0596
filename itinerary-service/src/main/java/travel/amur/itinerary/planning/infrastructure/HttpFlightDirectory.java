package travel.amur.itinerary.planning.infrastructure;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import travel.amur.common.web.ProblemException;
import travel.amur.itinerary.planning.application.FlightDirectory;
import travel.amur.itinerary.planning.model.FlightLeg;

/** Reads flights from the flight service's {@code GET /api/flights/{id}}. */
@Component
class HttpFlightDirectory implements FlightDirectory {

    private final WebClient flights;
    private final ServiceClients clients;

    HttpFlightDirectory(WebClient.Builder builder, LoadBalancedExchangeFilterFunction balanced,
            ServiceClients clients) {
        // Any instance of the flight-service the discovery client lists (amur.itinerary.clients.*-url by default).
        this.flights = builder.baseUrl("http://flight-service").filter(balanced).build();
        this.clients = clients;
    }

    /** The parts of the flight service's answer this service reads. */
    record FlightView(UUID flightId, String flightNumber, Airport origin, Airport destination,
            OffsetDateTime departure, OffsetDateTime arrival, List<Cabin> cabins) {

        record Airport(String code, String country) {
        }

        record Cabin(String cabin, BigDecimal fareRub, BigDecimal fareCny) {
        }
    }

    @Override
    public Mono<FlightLeg> flight(UUID flightId) {
        return flights.get().uri("/api/flights/{id}", flightId)
                .exchangeToMono(response -> {
                    if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        return Mono.empty();
                    }
                    if (response.statusCode().isError()) {
                        return response.createError();
                    }
                    return response.bodyToMono(FlightView.class);
                })
                .transform(this::answered)
                .map(HttpFlightDirectory::leg);
    }

    /** The part of a search answer this service reads. */
    record SearchView(List<OfferView> offers) {

        record OfferView(UUID flightId, int seatsAvailable) {
        }
    }

    @Override
    public Flux<Offer> offers(String origin, String destination, LocalDate date, int flexDays) {
        return flights.get().uri(uri -> uri.path("/api/flights/search").queryParam("origin", origin)
                        .queryParam("destination", destination).queryParam("date", date)
                        .queryParam("flexDays", flexDays).queryParam("cabin", "ECONOMY").build())
                .retrieve()
                .bodyToMono(SearchView.class)
                .transform(this::answered)
                .flatMapIterable(found -> found.offers() == null ? List.of() : found.offers())
                .map(offer -> new Offer(offer.flightId(), offer.seatsAvailable()));
    }

    @Override
    public Mono<Boolean> anyFlight(String origin, String destination, LocalDate from, LocalDate to) {
        // A flexible search around the last day covers the days before it (and a few after: harmless here).
        long flex = Math.min(3, java.time.temporal.ChronoUnit.DAYS.between(from, to));
        return flights.get().uri(uri -> uri.path("/api/flights/search").queryParam("origin", origin)
                        .queryParam("destination", destination).queryParam("date", to).queryParam("flexDays", flex)
                        .build())
                .retrieve()
                .bodyToMono(SearchView.class)
                .map(found -> found.offers() != null && !found.offers().isEmpty())
                .timeout(clients.timeout());
    }

    private static FlightLeg leg(FlightView view) {
        FlightView.Cabin economy = view.cabins().stream().filter(c -> c.cabin().equals("ECONOMY")).findFirst()
                .orElse(view.cabins().get(0));
        return new FlightLeg(view.flightId(), view.flightNumber(), view.origin().code(), view.origin().country(),
                view.destination().code(), view.departure(), view.arrival(), economy.fareRub(), economy.fareCny());
    }

    /** Within the time allowed, tried once more on another instance; an outage is a 503 problem. */
    private <T> Mono<T> answered(Mono<T> call) {
        return call.timeout(clients.timeout())
                .retryWhen(Retry.backoff(1, Duration.ofMillis(200)))
                .onErrorMap(e -> unavailable("flight-service", e));
    }

    static ProblemException unavailable(String service, Throwable cause) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                service + " did not answer (" + cause.getClass().getSimpleName() + "); try again shortly", List.of());
    }
}
