package travel.amur.itinerary.booking.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.common.event.Causation;
import travel.amur.itinerary.booking.model.Answering;
import travel.amur.itinerary.booking.model.BookingSaga;
import travel.amur.itinerary.booking.model.Decision;
import travel.amur.itinerary.booking.model.StepName;
import travel.amur.itinerary.planning.application.Itineraries;
import travel.amur.itinerary.booking.model.GroupTour;
import travel.amur.itinerary.booking.model.Phase;
import travel.amur.itinerary.planning.model.Agency;
import travel.amur.itinerary.planning.model.Itinerary;
import travel.amur.itinerary.planning.model.ItineraryStatus;
import travel.amur.itinerary.planning.model.Traveller;

/**
 * Runs booking sagas: starts them, feeds them what participants answer and what time does, and cancels them. Every
 * decision is stored with the saga, its log, its commands (through the outbox) and the itinerary's new status in one
 * transaction, so a crash at any point leaves the booking where it was, to go on after restart.
 */
@Service
public class BookingItineraries {

    private static final Logger log = LoggerFactory.getLogger(BookingItineraries.class);
    private static final int DUE_BATCH = 50;

    private final Itineraries itineraries;
    private final SagaStore sagas;
    private final SagaMessages messages;
    private final TransactionalOperator tx;
    private final BookingPolicy policy;
    private final Replans replans;
    private final RecentAnswers answers;
    private final Clock clock;

    BookingItineraries(Itineraries itineraries, SagaStore sagas, SagaMessages messages, TransactionalOperator tx,
            BookingPolicy policy, Replans replans, RecentAnswers answers, Clock clock) {
        this.itineraries = itineraries;
        this.answers = answers;
        this.replans = replans;
        this.sagas = sagas;
        this.messages = messages;
        this.tx = tx;
        this.policy = policy;
        this.clock = clock;
    }

    /** What asking to book or cancel came to. */
    public sealed interface Outcome permits Accepted, WrongStatus {
    }

    public record Accepted(Itinerary itinerary) implements Outcome {
    }

    public record WrongStatus(ItineraryStatus status) implements Outcome {
    }

    /**
     * Starts booking a DRAFT itinerary of the agency; empty when it has no such itinerary. A group tour is booked
     * under the agency's authorisation for group tours as the gateway states it now.
     */
    public Mono<Outcome> book(UUID itineraryId, Agency agency) {
        return tx.transactional(itineraries.lockOwned(itineraryId, agency.id()).flatMap(itinerary -> {
            if (itinerary.status() != ItineraryStatus.DRAFT) {
                return Mono.<Outcome>just(new WrongStatus(itinerary.status()));
            }
            Instant now = clock.instant();
            Decision started = BookingSaga.start(itineraryId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    itinerary.draft().groupTour() ? new GroupTour(agency.groupToursAuthorised()) : null, now,
                    policy.saga());
            return sagas.add(started.saga())
                    .then(record(started, itinerary, Causation.startOf(itineraryId.toString()), now))
                    .map(next -> (Outcome) new Accepted(next));
        }));
    }

    /** Cancels a CONFIRMED itinerary: its seats are released. Cancelling twice answers the same. */
    public Mono<Outcome> cancel(UUID itineraryId, String agencyId) {
        return tx.transactional(itineraries.lockOwned(itineraryId, agencyId).flatMap(itinerary -> {
            if (itinerary.status() == ItineraryStatus.CANCELLED) {
                return Mono.<Outcome>just(new Accepted(itinerary));
            }
            if (itinerary.status() != ItineraryStatus.CONFIRMED) {
                return Mono.<Outcome>just(new WrongStatus(itinerary.status()));
            }
            Instant now = clock.instant();
            return sagas.lock(itineraryId)
                    .flatMap(saga -> saveAndRecord(saga, saga.cancel(now), itinerary,
                            Causation.startOf(itineraryId.toString()), now))
                    .map(next -> (Outcome) new Accepted(next));
        }));
    }

    /**
     * Starts moving a confirmed booking's seats on one flight to another, in the caller's transaction (which holds
     * the itinerary's lock): the re-booking is stored with the saga and its hold command goes out. Empty when the
     * booking cannot start one now (another re-booking is under way).
     */
    Mono<Itinerary> rebook(Itinerary itinerary, UUID disruptionId, UUID alternativeId, StepName seats, UUID flightId) {
        Instant now = clock.instant();
        return sagas.lock(itinerary.id())
                .filter(saga -> saga.phase() == Phase.CONFIRMED && saga.rebooking() == null)
                .flatMap(saga -> saveAndRecord(saga, saga.rebook(disruptionId, alternativeId, seats, flightId,
                        UUID.randomUUID(), now, policy.saga()), itinerary, Causation.startOf(itinerary.id().toString()),
                        now));
    }

    /**
     * Feeds a participant's answer to the booking it belongs to, in the caller's transaction; answers about unknown
     * bookings (a hold made over the API, say) are ignored.
     */
    public Mono<Void> react(UUID bookingId, Causation causation,
            Function<Reaction, Decision> reaction) {
        if (bookingId == null) {
            return Mono.empty();
        }
        return sagas.lock(bookingId)
                .flatMap(saga -> itineraries.lock(bookingId).flatMap(itinerary -> saveAndRecord(saga,
                        reaction.apply(new Reaction(saga, itinerary, clock.instant())), itinerary, causation,
                        clock.instant())))
                .then();
    }

    /** A booking, its itinerary and the time, for a reaction to decide on. */
    public record Reaction(BookingSaga saga, Itinerary itinerary, Instant now) {

        /** Travellers' names by id, for refusals that name them. */
        public Map<String, String> travellerNames() {
            return itinerary.draft().travellers().stream()
                    .collect(Collectors.toMap(Traveller::id, Traveller::fullName));
        }
    }

    /** Resends overdue commands and gives up on exhausted steps, a batch at a time; emits how many it looked at. */
    public Mono<Integer> handleOverdue() {
        Instant now = clock.instant();
        Answering answering = answers.within(policy.saga().firstResend(), now);
        // The locked rows are read to the end before anything else is said on the transaction's one connection:
        // a statement sent while rows still stream in would wait for the stream, which waits for it.
        return tx.transactional(sagas.lockDue(now, DUE_BATCH).collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(saga -> itineraries.lock(saga.itineraryId())
                        .flatMap(itinerary -> saveAndRecord(saga, saga.timeouts(now, policy.saga(), answering),
                                itinerary,
                                Causation.startOf(saga.itineraryId().toString()), now)))
                .count()
                .map(Long::intValue));
    }

    public Flux<String> logOf(UUID itineraryId) {
        return sagas.logOf(itineraryId);
    }

    public Mono<BookingSaga> saga(UUID itineraryId) {
        return sagas.find(itineraryId);
    }

    private Mono<Itinerary> saveAndRecord(BookingSaga before, Decision decision, Itinerary itinerary,
            Causation causation, Instant now) {
        Mono<Void> saved = decision.saga().equals(before) ? Mono.empty() : sagas.save(decision.saga());
        return saved.then(record(decision, itinerary, causation, now));
    }

    private Mono<Itinerary> record(Decision decision, Itinerary itinerary, Causation causation, Instant now) {
        BookingSaga saga = decision.saga();
        Itinerary next = switch (saga.phase()) {
            case RESERVING, CONFIRMING -> itinerary.pending(saga.waitingFor().stream().map(Enum::name).toList(), now);
            case CONFIRMED -> itinerary.confirmed(now);
            case REJECTED -> itinerary.rejected(decision.rejections(), now);
            case CANCELLED -> itinerary.cancelled(now);
        };
        boolean statusChanged = next.status() != itinerary.status();
        if (statusChanged) {
            log.info("itinerary {} {} -> {}", itinerary.id(), itinerary.status(), next.status());
        } else if (next != itinerary && !next.waitingFor().isEmpty()) {
            log.info("itinerary {} waits for {}", itinerary.id(), next.waitingFor());
        }
        // Watchers hear of every visible change (a new status, or what a pending booking waits for); the rest of the
        // platform only of status changes.
        return sagas.log(itinerary.id(), now, decision.log())
                .thenMany(Flux.fromIterable(decision.commands())
                        .concatMap(command -> messages.send(command, itinerary, causation)))
                .then(next == itinerary ? Mono.empty() : itineraries.updateBooking(next))
                .then(statusChanged ? messages.announce(next, now, causation) : Mono.empty())
                .then(Mono.defer(() -> decision.rebooking() == null ? Mono.just(next)
                        : replans.follow(decision.rebooking(), next, now)));
    }

}
