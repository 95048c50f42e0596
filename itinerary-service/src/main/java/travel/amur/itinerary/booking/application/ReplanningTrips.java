package travel.amur.itinerary.booking.application;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.booking.model.StepName;
import travel.amur.itinerary.planning.application.Itineraries;
import travel.amur.itinerary.planning.application.TripDisruptions;
import travel.amur.itinerary.planning.model.Alternative;
import travel.amur.itinerary.planning.model.Itinerary;
import travel.amur.itinerary.planning.model.ItineraryStatus;
import travel.amur.itinerary.planning.model.TripDisruption;

/**
 * What an agency does about a disruption: accept one of its alternatives, or keep the trip as it is. A draft, or an
 * alternative that moves no seats, is re-planned at once; a confirmed booking on another flight is re-booked by its
 * saga (new seats held and sold before the old ones go back). Accepting or dismissing again answers the same.
 */
@Service
public class ReplanningTrips {

    private final Itineraries itineraries;
    private final TripDisruptions disruptions;
    private final BookingItineraries booking;
    private final Replans replans;
    private final TransactionalOperator tx;
    private final Clock clock;

    ReplanningTrips(Itineraries itineraries, TripDisruptions disruptions, BookingItineraries booking, Replans replans,
            TransactionalOperator tx, Clock clock) {
        this.itineraries = itineraries;
        this.disruptions = disruptions;
        this.booking = booking;
        this.replans = replans;
        this.tx = tx;
        this.clock = clock;
    }

    /** What asking came to: the trip as it now stands, or why not. */
    public sealed interface Outcome permits Replanning, Refused {
    }

    /** Accepted (re-planned, or re-booking under way) or dismissed. */
    public record Replanning(Itinerary itinerary) implements Outcome {
    }

    /**
     * Why not, as a problem type: {@code disruption-not-found}, {@code alternative-not-found},
     * {@code disruption-closed}, {@code rebooking-under-way}, {@code booking-under-way}, {@code itinerary-ended}.
     */
    public record Refused(String code, String detail) implements Outcome {
    }

    /** Accepts an alternative of an open disruption of the agency's trip; empty when it has no such trip. */
    public Mono<Outcome> accept(UUID itineraryId, String agencyId, UUID disruptionId, UUID alternativeId) {
        return tx.transactional(itineraries.lockOwned(itineraryId, agencyId)
                .flatMap(trip -> disruptions.lock(trip.id(), disruptionId)
                        .flatMap(disruption -> accepting(trip, disruption, alternativeId))
                        .switchIfEmpty(Mono.fromSupplier(() -> noDisruption(trip, disruptionId)))));
    }

    /** Keeps the trip as it is: the disruption is dismissed. */
    public Mono<Outcome> dismiss(UUID itineraryId, String agencyId, UUID disruptionId) {
        return tx.transactional(itineraries.lockOwned(itineraryId, agencyId)
                .flatMap(trip -> disruptions.lock(trip.id(), disruptionId)
                        .flatMap(disruption -> dismissing(trip, disruption))
                        .switchIfEmpty(Mono.fromSupplier(() -> noDisruption(trip, disruptionId)))));
    }

    private Mono<Outcome> accepting(Itinerary trip, TripDisruption disruption, UUID alternativeId) {
        if (alternativeId.equals(disruption.accepted())) {
            return Mono.just(new Replanning(trip));
        }
        Refused closed = closed(trip, disruption);
        if (closed != null) {
            return Mono.just(closed);
        }
        return disruption.alternative(alternativeId)
                .map(alternative -> take(trip, disruption, alternative))
                .orElseGet(() -> Mono.just(new Refused("alternative-not-found", "disruption " + disruption.id()
                        + " has no alternative " + alternativeId + (disruption.alternatives() == null
                                ? " (its alternatives are being worked out)" : ""))));
    }

    private Mono<Outcome> dismissing(Itinerary trip, TripDisruption disruption) {
        if ("DISMISSED".equals(disruption.status())) {
            return Mono.just(new Replanning(trip));
        }
        Refused settled = settled(disruption);
        if (settled != null) {
            return Mono.just(settled);
        }
        return disruptions.save(trip.id(), disruption.dismissed(), clock.instant()).thenReturn(new Replanning(trip));
    }

    private static Outcome noDisruption(Itinerary trip, UUID disruptionId) {
        return new Refused("disruption-not-found", "itinerary " + trip.id() + " has no disruption " + disruptionId);
    }

    private Mono<Outcome> take(Itinerary trip, TripDisruption disruption, Alternative alternative) {
        if (trip.status() == ItineraryStatus.CONFIRMED && alternative.movesSeats()) {
            StepName seats = alternative.leg() == Alternative.Leg.OUTBOUND ? StepName.OUTBOUND_SEATS
                    : StepName.RETURN_SEATS;
            return booking.rebook(trip, disruption.id(), alternative.id(), seats, alternative.flight().flightId())
                    .flatMap(rebooking -> disruptions.save(trip.id(), disruption.accepting(alternative.id()),
                            clock.instant()).thenReturn((Outcome) new Replanning(rebooking)))
                    .switchIfEmpty(Mono.fromSupplier(() -> new Refused("rebooking-under-way", "itinerary "
                            + trip.id() + " is re-booking another flight: accept this once that has ended")));
        }
        return replans.apply(trip, disruption.accepting(alternative.id()), alternative, clock.instant())
                .map(Replanning::new);
    }

    /** Why an alternative cannot be taken now, or null when it can. */
    private static Refused closed(Itinerary trip, TripDisruption disruption) {
        Refused settled = settled(disruption);
        if (settled != null) {
            return settled;
        }
        return switch (trip.status()) {
            case DRAFT, CONFIRMED -> null;
            case PENDING -> new Refused("booking-under-way", "itinerary " + trip.id() + " is being booked: accept "
                    + "an alternative once the booking has its outcome");
            default -> new Refused("itinerary-ended", "itinerary " + trip.id() + " is " + trip.status());
        };
    }

    /** Why nothing more can be done about the disruption now (settled, or being re-booked), or null. */
    private static Refused settled(TripDisruption disruption) {
        if (!disruption.open()) {
            return new Refused("disruption-closed", "disruption " + disruption.id() + " is " + disruption.status());
        }
        return disruption.rebooking() ? rebookingUnderWay(disruption) : null;
    }

    private static Refused rebookingUnderWay(TripDisruption disruption) {
        return new Refused("rebooking-under-way", "alternative " + disruption.accepted() + " of disruption "
                + disruption.id() + " is being re-booked");
    }
}
