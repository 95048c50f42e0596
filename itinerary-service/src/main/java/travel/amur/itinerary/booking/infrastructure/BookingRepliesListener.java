package travel.amur.itinerary.booking.infrastructure;

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
import travel.amur.itinerary.booking.application.BookingPolicy;
import travel.amur.itinerary.booking.model.Refusal;
import travel.amur.itinerary.booking.model.VisaVerdict;

/** What the flight and visa services answer, fed to the bookings they belong to, each message once. */
@Component
class BookingRepliesListener {

    private final IdempotentConsumer consumer;
    private final MessageHandlers handlers;

    BookingRepliesListener(IdempotentConsumer consumer, BookingItineraries booking, BookingPolicy policy) {
        this.consumer = consumer;
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
                        r -> r.saga().seatHoldRejected(event.holdId(), event.reason().name(), event.detail(), r.now())))
                .on(SeatsConfirmed.class, (event, envelope) -> react(booking, event.bookingId(), envelope,
                        r -> r.saga().seatsConfirmed(event.holdId(), r.now())))
                .on(HoldExpired.class, (event, envelope) -> react(booking, event.bookingId(), envelope,
                        r -> r.saga().seatsLost(event.holdId(), "HOLD_EXPIRED", "the seat hold expired", r.now())))
                .on(SeatsReleased.class, (event, envelope) -> react(booking, event.bookingId(), envelope,
                        r -> r.saga().seatsLost(event.holdId(), "SEATS_RELEASED", "the seats were released: "
                                + event.reason(), r.now())))
                .build();
    }

    /** The group rules a group tour broke, each a refusal of the whole booking ("group" is its subject). */
    private static java.util.List<Refusal> groupRefusals(VisasChecked event) {
        if (event.group() == null || event.group().met()) {
            return java.util.List.of();
        }
        return event.group().broken().stream()
                .map(reason -> new Refusal(reason.code(), "the group tour is refused: " + reason.message(), "group"))
                .toList();
    }

    private static Mono<Void> react(BookingItineraries booking, java.util.UUID bookingId, EventEnvelope envelope,
            java.util.function.Function<BookingItineraries.Reaction, travel.amur.itinerary.booking.model.Decision> how) {
        return booking.react(bookingId, Causation.of(envelope), how);
    }

    @KafkaListener(id = "booking-replies", topics = {Topics.FLIGHT_EVENTS, Topics.VISA_EVENTS})
    void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
