package travel.amur.flight.search.web;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import travel.amur.flight.search.application.SearchingFlights;
import travel.amur.flight.search.model.FlightSeats;
import travel.amur.flight.search.model.ScheduleFacts;

/** One dated flight with the seats and fares of each cabin, and what its schedule rests on. */
record FlightView(UUID flightId, String flightNumber, OfferView.CarrierView carrier, AirportView origin,
        AirportView destination, OffsetDateTime departure, OffsetDateTime arrival, long durationMinutes,
        String aircraft, String status, List<CabinView> cabins, ScheduleFacts schedule) {

    /** An airport and its time zone. */
    record AirportView(String code, String name, String city, String country, String timeZone) {
    }

    /** Seats and one-way fares of a cabin. */
    record CabinView(String cabin, int capacity, int seatsAvailable, BigDecimal fareRub, BigDecimal fareCny) {
    }

    static FlightView of(SearchingFlights.FlightDetails details) {
        FlightSeats flight = details.any();
        return new FlightView(flight.flightId(), flight.flightNumber(),
                new OfferView.CarrierView(flight.carrier(), details.carrierName()),
                airport(details.origin()), airport(details.destination()),
                OfferView.local(flight.departsAt(), details.origin()),
                OfferView.local(flight.arrivesAt(), details.destination()), flight.duration().toMinutes(),
                flight.aircraft(), flight.cancelled() ? "CANCELLED" : flight.departedAt(details.at()) ? "DEPARTED"
                        : "SCHEDULED",
                details.cabins().stream().map(cabin -> new CabinView(cabin.cabin().name(), cabin.capacity(),
                        cabin.seatsAvailable(), cabin.fare().rub(), cabin.fare().cny())).toList(), flight.schedule());
    }

    static AirportView airport(travel.amur.flight.schedule.model.Airport airport) {
        return new AirportView(airport.code(), airport.name(), airport.city(), airport.country(),
                airport.zone().getId());
    }
}
