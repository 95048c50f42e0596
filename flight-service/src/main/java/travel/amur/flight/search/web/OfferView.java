package travel.amur.flight.search.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import travel.amur.flight.schedule.model.Airport;
import travel.amur.flight.search.application.SearchingFlights;
import travel.amur.flight.search.model.FlightSeats;
import travel.amur.flight.search.model.ScheduleFacts;
import travel.amur.flight.search.model.Price;

/**
 * An offer as agencies see it: times in each airport's own offset, prices per passenger and in total, and what the
 * flight's schedule rests on (a carried-forward timetable or placeholder fares say so here, not only in the data).
 */
record OfferView(UUID flightId, String flightNumber, CarrierView carrier, String origin, String destination,
        OffsetDateTime departure, OffsetDateTime arrival, long durationMinutes, String aircraft, String cabin,
        int seatsAvailable, PriceView price, Instant expiresAt, ScheduleFacts schedule) {

    /** An airline. */
    record CarrierView(String code, String name) {
    }

    /** An amount in a currency. */
    record MoneyView(BigDecimal amount, String currency) {
    }

    /** What the party pays. */
    record PriceView(MoneyView perPassenger, MoneyView total) {

        static PriceView of(Price price) {
            return new PriceView(new MoneyView(price.perPassenger(), price.currency().name()),
                    new MoneyView(price.total(), price.currency().name()));
        }
    }

    static OfferView of(SearchingFlights.Offer offer) {
        FlightSeats flight = offer.flight();
        return new OfferView(flight.flightId(), flight.flightNumber(),
                new CarrierView(flight.carrier(), offer.carrierName()), flight.origin(), flight.destination(),
                local(flight.departsAt(), offer.origin()), local(flight.arrivesAt(), offer.destination()),
                flight.duration().toMinutes(), flight.aircraft(), flight.cabin().name(), flight.seatsAvailable(),
                PriceView.of(offer.price()), offer.expiresAt(), flight.schedule());
    }

    static OffsetDateTime local(Instant instant, Airport airport) {
        return instant.atZone(airport.zone()).toOffsetDateTime();
    }
}
