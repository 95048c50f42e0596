package travel.amur.itinerary.booking.application;

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import travel.amur.common.contract.flight.ConfirmSeats;
import travel.amur.common.contract.flight.HoldSeats;
import travel.amur.common.contract.flight.ReleaseSeats;
import travel.amur.common.contract.itinerary.ItineraryStatusChanged;
import travel.amur.common.contract.visa.CheckVisas;
import travel.amur.common.event.Causation;
import travel.amur.common.event.Topics;
import travel.amur.common.outbox.Outbox;
import travel.amur.itinerary.booking.model.SagaCommand;
import travel.amur.itinerary.booking.model.StepName;
import travel.amur.itinerary.planning.model.Draft;
import travel.amur.itinerary.planning.model.Itinerary;
import travel.amur.itinerary.planning.model.Rejection;
import travel.amur.itinerary.planning.model.Traveller;

/**
 * Turns the saga's commands into messages, through the outbox, keyed by itinerary so a booking's commands arrive in
 * the order they were decided. Travellers go with what the rules need: names for the seats, never passport numbers.
 */
@Component
class SagaMessages {

    private final Outbox outbox;

    SagaMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    Mono<Void> send(SagaCommand command, Itinerary itinerary, Causation causation) {
        UUID booking = itinerary.id();
        Draft draft = itinerary.draft();
        if (command instanceof SagaCommand.CheckVisas check) {
            boolean group = check.groupTour() != null;
            return publish(Topics.VISA_COMMANDS, new CheckVisas(check.checkId(), booking, draft.destination(),
                    draft.purpose(), draft.arrivalDate(), draft.departureDate(), null,
                    draft.travellers().stream().map(t -> new CheckVisas.Traveller(t.id(), t.nationality(),
                            t.passportType(), t.passportExpiry())).toList(), group ? Boolean.TRUE : null,
                    group ? check.groupTour().agencyAuthorised() : null), booking, causation);
        }
        if (command instanceof SagaCommand.HoldSeats hold) {
            return holdSeats(hold.holdId(), flightOf(hold.step(), draft), itinerary, causation);
        }
        if (command instanceof SagaCommand.HoldSeatsOn hold) {
            return holdSeats(hold.holdId(), hold.flightId(), itinerary, causation);
        }
        if (command instanceof SagaCommand.ConfirmSeats confirm) {
            return publish(Topics.FLIGHT_COMMANDS, new ConfirmSeats(confirm.holdId(), booking), booking, causation);
        }
        SagaCommand.ReleaseSeats release = (SagaCommand.ReleaseSeats) command;
        return publish(Topics.FLIGHT_COMMANDS, new ReleaseSeats(release.holdId(), booking, release.reason()), booking,
                causation);
    }

    private Mono<Void> holdSeats(UUID holdId, UUID flightId, Itinerary itinerary, Causation causation) {
        Draft draft = itinerary.draft();
        return publish(Topics.FLIGHT_COMMANDS, new HoldSeats(holdId, itinerary.id(), itinerary.agencyId(), flightId,
                "ECONOMY", draft.travellers().size(), draft.travellers().stream().map(Traveller::fullName).toList(),
                currency(draft)), itinerary.id(), causation);
    }

    /** Tells whoever follows bookings (notifications, reporting) that an itinerary's status changed. */
    Mono<Void> announce(Itinerary itinerary, Instant at, Causation causation) {
        return publish(Topics.ITINERARY_EVENTS, new ItineraryStatusChanged(itinerary.id(), itinerary.agencyId(),
                itinerary.status().name(),
                itinerary.rejections().stream().map(rejection -> rejection.code().name()).toList(), at),
                itinerary.id(), causation);
    }

    private Mono<Void> publish(String topic, Object message, UUID booking, Causation causation) {
        return outbox.publish(topic, message, booking, causation).then();
    }

    private static UUID flightOf(StepName step, Draft draft) {
        return step == StepName.OUTBOUND_SEATS ? draft.outbound().flightId() : draft.inbound().flightId();
    }

    /** Both legs are paid in the currency of the trip's first departure. */
    private static String currency(Draft draft) {
        return "CN".equals(draft.outbound().originCountry()) ? "CNY" : "RUB";
    }
}
