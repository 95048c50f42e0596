package travel.amur.itinerary.planning.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import travel.amur.itinerary.catalog.model.Attraction;
import travel.amur.itinerary.planning.model.Alternative;
import travel.amur.itinerary.planning.model.Draft;
import travel.amur.itinerary.planning.model.FlightLeg;
import travel.amur.itinerary.planning.model.Itinerary;
import travel.amur.itinerary.planning.model.ItineraryStatus;
import travel.amur.itinerary.planning.model.Plan;
import travel.amur.itinerary.planning.model.Rejection;
import travel.amur.itinerary.planning.model.Traveller;
import travel.amur.itinerary.planning.model.TripDisruption;
import travel.amur.itinerary.planning.model.Warning;

/** An itinerary as agencies and apps read it, in the language asked for; passport numbers masked. */
public record ItineraryView(UUID id, String status, int version, String destination, String purpose,
        List<Traveller> travellers, FlightView outboundFlight, FlightView returnFlight, PackageView tripPackage,
        List<DayView> days, Plan.Price price, List<Warning> warnings, List<DisruptionView> disruptions,
        List<Rejection> rejections,
        List<String> waitingFor, Instant createdAt, Instant updatedAt, Map<String, String> links) {

    /** A flight of the trip, in local times. */
    record FlightView(UUID flightId, String flightNumber, String origin, String destination, OffsetDateTime departure,
            OffsetDateTime arrival) {

        static FlightView of(FlightLeg leg) {
            return new FlightView(leg.flightId(), leg.flightNumber(), leg.origin(), leg.destination(),
                    leg.departure(), leg.arrival());
        }
    }

    /** The package the activities came from. */
    record PackageView(String packageId, LocalDate startDate) {
    }

    /** One day of the plan. */
    record DayView(LocalDate date, List<ItemView> items) {
    }

    /** A flight landing or leaving, or a visit, named in the language asked for. */
    record ItemView(String kind, String attractionId, String name, String city, String flightNumber, LocalTime at,
            Integer minutesNeeded, Boolean outdoor, BigDecimal priceCny) {
    }

    /**
     * A disruption of the trip, what would still work instead and, once one was accepted, how its re-booking went.
     *
     * @param alternativesReady false while the alternatives are still being worked out (then the list is empty)
     */
    record DisruptionView(UUID id, String type, String subject, String detail, Instant detectedAt, String status,
            boolean alternativesReady, List<AlternativeView> alternatives, UUID acceptedAlternativeId,
            String failure) {

        static DisruptionView of(TripDisruption disruption) {
            List<Alternative> alternatives = disruption.alternatives() == null ? List.of() : disruption.alternatives();
            return new DisruptionView(disruption.id(), disruption.type(), disruption.subject(), disruption.detail(),
                    disruption.detectedAt(), disruption.status(), disruption.alternatives() != null,
                    alternatives.stream().map(AlternativeView::of).toList(), disruption.accepted(),
                    disruption.failure());
        }
    }

    /** Something the trip could do instead; the fields that do not apply to its kind are null. */
    record AlternativeView(UUID id, String kind, String description, String leg, FlightView flight,
            Integer seatsAvailable, LocalDate packageStart, String attractionId, LocalDate date) {

        static AlternativeView of(Alternative alternative) {
            return new AlternativeView(alternative.id(), alternative.kind().name(), alternative.description(),
                    alternative.leg() == null ? null : alternative.leg().name(),
                    alternative.flight() == null ? null : FlightView.of(alternative.flight()),
                    alternative.seatsAvailable(), alternative.packageStart(), alternative.attractionId(),
                    alternative.date());
        }
    }

    static ItineraryView of(Itinerary itinerary, Map<String, Attraction> attractions, String language,
            List<TripDisruption> disruptions) {
        Draft draft = itinerary.draft();
        return new ItineraryView(itinerary.id(), itinerary.status().name(), itinerary.version(), draft.destination(),
                draft.purpose(), draft.travellers().stream().map(Traveller::masked).toList(),
                FlightView.of(draft.outbound()), FlightView.of(draft.inbound()),
                draft.packageId() == null ? null : new PackageView(draft.packageId(), draft.packageStart()),
                itinerary.plan().days().stream().map(day -> new DayView(day.date(), day.items().stream()
                        .map(item -> item(item, attractions, language)).toList())).toList(),
                itinerary.plan().price(),
                WarningTexts.in(language, itinerary.plan().warnings(), attractions, draft.travellers()),
                disruptions.stream().map(DisruptionView::of).toList(), itinerary.rejections(),
                itinerary.waitingFor(), itinerary.createdAt(), itinerary.updatedAt(), links(itinerary));
    }

    /** Only the actions the itinerary's status allows, so a client can follow links instead of knowing the rules. */
    private static Map<String, String> links(Itinerary itinerary) {
        String self = "/api/itineraries/" + itinerary.id();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        links.put("events", self + "/events");
        if (itinerary.status() == ItineraryStatus.DRAFT) {
            links.put("book", self + "/book");
        } else {
            links.put("booking", self + "/booking");
        }
        if (itinerary.status() == ItineraryStatus.CONFIRMED) {
            links.put("cancel", self + "/cancel");
        }
        return links;
    }

    private static ItemView item(Plan.Item item, Map<String, Attraction> attractions, String language) {
        Attraction attraction = item.attractionId() == null ? null : attractions.get(item.attractionId());
        return new ItemView(item.kind().name(), item.attractionId(),
                attraction == null ? null : attraction.names().in(language),
                attraction == null ? null : attraction.city(), item.flightNumber(), item.at(), item.minutesNeeded(),
                item.outdoor(), item.priceCny());
    }
}
