package travel.amur.itinerary.booking.infrastructure;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import travel.amur.common.contract.flight.HoldExpired;
import travel.amur.common.contract.flight.SeatHoldRejected;
import travel.amur.common.contract.flight.SeatsConfirmed;
import travel.amur.common.contract.flight.SeatsHeld;
import travel.amur.common.contract.flight.SeatsReleased;
import travel.amur.common.contract.visa.VisasChecked;
import travel.amur.common.event.Causation;
import travel.amur.common.event.EventEnvelope;
import travel.amur.common.event.Topics;
import travel.amur.common.inbox.IdempotentConsumer;
import travel.amur.common.inbox.MessageHandlers;
import travel.amur.itinerary.booking.application.BookingItineraries;
import travel.amur.itinerary.booking.application.RecentAnswers;
import travel.amur.itinerary.booking.application.BookingPolicy;
import travel.amur.itinerary.booking.model.VisaVerdict;
import travel.amur.itinerary.planning.model.Rejection;

/** What the flight and visa services answer, fed to the bookings they belong to, each message once. */
@Component
class BookingRepliesListener {

    private final IdempotentConsumer consumer;
    private final MessageHandlers handlers;
    private final RecentAnswers answers;

    BookingRepliesListener(IdempotentConsumer consumer, BookingItineraries booking, BookingPolicy policy,
            RecentAnswers answers) {
        this.consumer = consumer;
        this.answers = answers;
        this.handlers = MessageHandlers.of("booking-replies")
                .on(VisasChecked.class, (event, envelope) -> react(booking, event.bookingId(), envelope,
                        r -> {
                            Map<String, String> names = r.travellerNames();
                            return r.saga().visasChecked(event.checkId(), event.verdicts().stream()
                                    .map(v -> new VisaVerdict(names.getOrDefault(v.travellerId(), v.travellerId()),
                                            v.eligible(), v.policyId(), v.reasons().stream()
                                                    .map(VisasChecked.Reason::code).toList()))
                                    .toList(), groupRefusals(event), r.now(), policy.saga());
                        }))
                .on(SeatsHeld.class, (event, envelope) -> react(booking, event.bookingId(), envelope,
                        r -> r.saga().seatsHeld(event.holdId(), event.expiresAt(), r.now(), policy.saga())))
                .on(SeatHoldRejected.class, (event, envelope) -> react(booking, event.bookingId(), envelope,
                        r -> r.saga().seatHoldRejected(event.holdId(), codeOf(event.reason()), event.detail(),
                                r.now())))
                .on(SeatsConfirmed.class, (event, envelope) -> react(booking, event.bookingId(), envelope,
                        r -> r.saga().seatsConfirmed(event.holdId(), r.now())))
                .on(HoldExpired.class, (event, envelope) -> react(booking, event.bookingId(), envelope,
                        r -> r.saga().seatsLost(event.holdId(), Rejection.Code.HOLD_EXPIRED, "the seat hold expired",
                                r.now())))
                .on(SeatsReleased.class, (event, envelope) -> react(booking, event.bookingId(), envelope,
                        r -> r.saga().seatsLost(event.holdId(), Rejection.Code.SEATS_RELEASED, "the seats were released: "
                                + event.reason(), r.now())))
                .build();
    }

    /** The group rules a group tour broke, each a refusal of the whole booking ("group" is its subject). */
    private static List<Rejection> groupRefusals(VisasChecked event) {
        if (event.group() == null || event.group().met()) {
            return List.of();
        }
        return event.group().broken().stream()
                .map(reason -> new Rejection(Rejection.Code.ofGroupRule(reason.code()), "the group tour is refused: "
                        + reason.message(), "group"))
                .toList();
    }

    /** Why the flight service refused a hold, in the booking's vocabulary. */
    static Rejection.Code codeOf(SeatHoldRejected.Reason reason) {
        return switch (reason) {
            case SOLD_OUT -> Rejection.Code.SOLD_OUT;
            case DEPARTED -> Rejection.Code.FLIGHT_DEPARTED;
            case NOT_FOUND -> Rejection.Code.FLIGHT_NOT_FOUND;
            case CANCELLED -> Rejection.Code.FLIGHT_CANCELLED;
            case RELEASED -> Rejection.Code.SEATS_RELEASED;
        };
    }

    private static Mono<Void> react(BookingItineraries booking, java.util.UUID bookingId, EventEnvelope envelope,
            java.util.function.Function<BookingItineraries.Reaction, travel.amur.itinerary.booking.model.Decision> how) {
        return booking.react(bookingId, Causation.of(envelope), how);
    }

    @KafkaListener(id = "booking-replies", topics = {Topics.FLIGHT_EVENTS, Topics.VISA_EVENTS})
    void on(ConsumerRecord<String, String> record) {
        // Any event of a service shows it at work through its commands, whichever booking it concerns.
        if (Topics.FLIGHT_EVENTS.equals(record.topic())) {
            answers.fromFlights();
        } else {
            answers.fromVisas();
        }
        consumer.consume(record, handlers);
    }
}
