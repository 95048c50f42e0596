package travel.amur.itinerary.planning.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A flight of the itinerary as the flight service described it, with local times and one-way economy fares. */
public record FlightLeg(UUID flightId, String flightNumber, String origin, String originCountry, String destination,
        OffsetDateTime departure, OffsetDateTime arrival, BigDecimal fareRub, BigDecimal fareCny) {

    public BigDecimal fareIn(String currency) {
        return "CNY".equals(currency) ? fareCny : fareRub;
    }
}
