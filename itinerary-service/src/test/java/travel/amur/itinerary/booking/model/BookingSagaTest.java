package travel.amur.itinerary.booking.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import travel.amur.itinerary.planning.model.Rejection;

class BookingSagaTest {

    static final Instant T0 = Instant.parse("2027-01-04T10:00:00Z");
    /** Sent again after 10 s, 20 s, 40 s, then every 60 s; given up 5 minutes after the start. */
    static final SagaPatience TIMEOUTS = new SagaPatience(Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofMinutes(5), Duration.ofMinutes(2));
    static final Instant HELD_UNTIL = T0.plus(Duration.ofMinutes(15));
    static final UUID ITINERARY = UUID.randomUUID();
    static final UUID CHECK = UUID.randomUUID();
    static final UUID OUT = UUID.randomUUID();
    static final UUID BACK = UUID.randomUUID();

    static Decision started() {
        return BookingSaga.start(ITINERARY, CHECK, OUT, BACK, null, T0, TIMEOUTS);
    }

    static final List<VisaVerdict> ALL_FINE = List.of(new VisaVerdict("Ivan Petrov", true, "CN-RU-VISA-FREE-TRIAL",
            List.of()), new VisaVerdict("Maria Petrova", true, "CN-RU-VISA-FREE-TRIAL", List.of()));

    @Test
    void a_booking_asks_for_visas_and_both_holds_at_once_having_registered_their_compensation() {
        Decision start = started();

        assertThat(start.saga().phase()).isEqualTo(Phase.RESERVING);
        assertThat(start.commands()).containsExactly(new SagaCommand.CheckVisas(CHECK, null),
                new SagaCommand.HoldSeats(StepName.OUTBOUND_SEATS, OUT),
                new SagaCommand.HoldSeats(StepName.RETURN_SEATS, BACK));
        assertThat(start.log().get(0)).contains("compensation registered");
        assertThat(start.saga().nextDeadline()).isEqualTo(T0.plusSeconds(10));
        assertThat(start.saga().deadline()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void when_everything_says_yes_the_seats_are_confirmed_and_then_the_booking_is() {
        BookingSaga saga = started().saga();
        saga = saga.visasChecked(CHECK, ALL_FINE, List.of(), T0, TIMEOUTS).saga();
        saga = saga.seatsHeld(OUT, HELD_UNTIL, T0, TIMEOUTS).saga();
        Decision confirming = saga.seatsHeld(BACK, HELD_UNTIL, T0, TIMEOUTS);

        assertThat(confirming.saga().phase()).isEqualTo(Phase.CONFIRMING);
        assertThat(confirming.commands()).containsExactly(
                new SagaCommand.ConfirmSeats(StepName.OUTBOUND_SEATS, OUT),
                new SagaCommand.ConfirmSeats(StepName.RETURN_SEATS, BACK));

        BookingSaga confirmed = confirming.saga().seatsConfirmed(BACK, T0).saga().seatsConfirmed(OUT, T0).saga();
        assertThat(confirmed.phase()).isEqualTo(Phase.CONFIRMED);
        assertThat(confirmed.nextDeadline()).isNull();
    }

    @RepeatedTest(25)
    void answers_in_any_order_and_any_number_of_times_confirm_exactly_once_and_release_nothing(RepetitionInfo run) {
        Random random = new Random(run.getCurrentRepetition());
        List<Function<BookingSaga, Decision>> answers = new ArrayList<>(List.of(
                s -> s.visasChecked(CHECK, ALL_FINE, List.of(), T0, TIMEOUTS),
                s -> s.seatsHeld(OUT, HELD_UNTIL, T0, TIMEOUTS),
                s -> s.seatsHeld(BACK, HELD_UNTIL, T0, TIMEOUTS),
                s -> s.seatsConfirmed(OUT, T0),
                s -> s.seatsConfirmed(BACK, T0)));
        List<Function<BookingSaga, Decision>> deliveries = new ArrayList<>(answers);
        for (int i = 0; i < 5; i++) {
            deliveries.add(answers.get(random.nextInt(answers.size())));
        }
        Collections.shuffle(deliveries, random);

        BookingSaga saga = started().saga();
        List<SagaCommand> sent = new ArrayList<>();
        // A confirmation only comes after the saga asked for it; until then it is early and ignored, so redeliver.
        for (int round = 0; round < 3 && saga.phase() != Phase.CONFIRMED; round++) {
            for (Function<BookingSaga, Decision> delivery : deliveries) {
                Decision decision = delivery.apply(saga);
                saga = decision.saga();
                sent.addAll(decision.commands());
            }
        }

        assertThat(saga.phase()).isEqualTo(Phase.CONFIRMED);
        assertThat(sent).filteredOn(c -> c instanceof SagaCommand.ConfirmSeats).hasSize(2);
        assertThat(sent).noneMatch(c -> c instanceof SagaCommand.ReleaseSeats);
    }

    @Test
    void an_ineligible_traveller_rejects_the_booking_naming_them_and_releases_both_holds_even_unanswered() {
        Decision rejected = started().saga().visasChecked(CHECK, List.of(
                new VisaVerdict("Ivan Petrov", true, "CN-RU-VISA-FREE-TRIAL", List.of()),
                new VisaVerdict("Maria Petrova", false, "CN-RU-VISA-FREE-TRIAL", List.of("OUTSIDE_POLICY_WINDOW"))),
                List.of(), T0, TIMEOUTS);

        assertThat(rejected.saga().phase()).isEqualTo(Phase.REJECTED);
        assertThat(rejected.rejections()).singleElement().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo(Rejection.Code.VISA_NOT_ELIGIBLE);
            assertThat(refusal.subject()).isEqualTo("Maria Petrova");
            assertThat(refusal.message()).contains("OUTSIDE_POLICY_WINDOW");
        });
        assertThat(rejected.commands()).containsExactlyInAnyOrder(
                new SagaCommand.ReleaseSeats(StepName.OUTBOUND_SEATS, OUT, "booking refused"),
                new SagaCommand.ReleaseSeats(StepName.RETURN_SEATS, BACK, "booking refused"));
    }

    @Test
    void a_cancelled_flight_rejects_the_booking_saying_so() {
        BookingSaga saga = started().saga().seatsHeld(OUT, HELD_UNTIL, T0, TIMEOUTS).saga();

        Decision rejected = saga.seatHoldRejected(BACK, Rejection.Code.FLIGHT_CANCELLED, "HZ4699 was cancelled", T0);

        assertThat(rejected.saga().phase()).isEqualTo(Phase.REJECTED);
        assertThat(rejected.rejections()).extracting(Rejection::code).containsExactly(Rejection.Code.FLIGHT_CANCELLED);
    }

    @Test
    void a_sold_out_flight_rejects_the_booking_and_releases_only_the_other_hold() {
        BookingSaga saga = started().saga().seatsHeld(OUT, HELD_UNTIL, T0, TIMEOUTS).saga();

        Decision rejected = saga.seatHoldRejected(BACK, Rejection.Code.SOLD_OUT, "only 1 seat left", T0);

        assertThat(rejected.saga().phase()).isEqualTo(Phase.REJECTED);
        assertThat(rejected.rejections()).extracting(Rejection::code).containsExactly(Rejection.Code.SOLD_OUT);
        assertThat(rejected.commands()).containsExactly(
                new SagaCommand.ReleaseSeats(StepName.OUTBOUND_SEATS, OUT, "booking refused"));
    }

    @Test
    void a_late_hold_after_the_rejection_does_not_bring_the_booking_back_and_is_released_again() {
        BookingSaga rejected = started().saga().seatHoldRejected(BACK, Rejection.Code.SOLD_OUT, "none left", T0).saga();

        Decision late = rejected.seatsHeld(OUT, HELD_UNTIL, T0.plusSeconds(30), TIMEOUTS);
        Decision lateVisas = late.saga().visasChecked(CHECK, ALL_FINE, List.of(), T0.plusSeconds(31), TIMEOUTS);

        assertThat(late.saga().phase()).isEqualTo(Phase.REJECTED);
        assertThat(late.commands()).containsExactly(new SagaCommand.ReleaseSeats(StepName.OUTBOUND_SEATS, OUT,
                "seats held after the booking ended"));
        assertThat(lateVisas.saga()).isEqualTo(late.saga());
        assertThat(lateVisas.commands()).isEmpty();
    }

    @Test
    void the_echo_of_its_own_release_changes_nothing() {
        BookingSaga rejected = started().saga().seatHoldRejected(BACK, Rejection.Code.SOLD_OUT, "none left", T0).saga();

        Decision echo = rejected.seatsLost(OUT, Rejection.Code.SEATS_RELEASED, "booking refused", T0);

        assertThat(echo.saga()).isEqualTo(rejected);
        assertThat(echo.commands()).isEmpty();
    }

    @Test
    void an_unanswered_step_is_sent_again_with_the_same_id_after_ever_longer_pauses_and_given_up_only_at_the_deadline() {
        BookingSaga saga = started().saga().visasChecked(CHECK, ALL_FINE, List.of(), T0, TIMEOUTS).saga()
                .seatsHeld(BACK, HELD_UNTIL, T0, TIMEOUTS).saga();

        List<Instant> sentAt = new ArrayList<>();
        Decision decision = null;
        for (Instant now = T0; now.isBefore(T0.plus(Duration.ofMinutes(5))); now = now.plusSeconds(1)) {
            decision = saga.timeouts(now, TIMEOUTS);
            if (!decision.commands().isEmpty()) {
                assertThat(decision.commands()).containsExactly(new SagaCommand.HoldSeats(StepName.OUTBOUND_SEATS, OUT));
                sentAt.add(now);
            }
            saga = decision.saga();
        }
        assertThat(saga.phase()).as("still waiting just before the deadline").isEqualTo(Phase.RESERVING);
        assertThat(sentAt).extracting(at -> Duration.between(T0, at).toSeconds())
                .containsExactly(10L, 30L, 70L, 130L, 190L, 250L);

        Decision givenUp = saga.timeouts(T0.plus(Duration.ofMinutes(5)), TIMEOUTS);
        assertThat(givenUp.saga().phase()).isEqualTo(Phase.REJECTED);
        assertThat(givenUp.rejections()).singleElement().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo(Rejection.Code.TIMEOUT);
            assertThat(refusal.subject()).isEqualTo("OUTBOUND_SEATS");
            assertThat(refusal.message()).contains("the seat hold on the outbound flight").contains("7 rounds of waiting");
        });
        assertThat(givenUp.commands()).containsExactlyInAnyOrder(
                new SagaCommand.ReleaseSeats(StepName.OUTBOUND_SEATS, OUT, "booking refused"),
                new SagaCommand.ReleaseSeats(StepName.RETURN_SEATS, BACK, "booking refused"));
    }

    @Test
    void an_overdue_step_whose_service_is_answering_others_waits_in_its_queue_and_is_not_sent_again() {
        BookingSaga saga = started().saga().visasChecked(CHECK, ALL_FINE, List.of(), T0, TIMEOUTS).saga()
                .seatsHeld(BACK, HELD_UNTIL, T0, TIMEOUTS).saga();
        Answering flightsBusy = step -> step.seats();

        Decision queued = saga.timeouts(T0.plusSeconds(10), TIMEOUTS, flightsBusy);

        assertThat(queued.commands()).as("a copy would only lengthen the queue it waits in").isEmpty();
        assertThat(queued.log()).singleElement().asString().contains("waits in the queue");
        assertThat(queued.saga().waitingFor()).containsExactly(StepName.OUTBOUND_SEATS);
        Decision quiet = queued.saga().timeouts(T0.plusSeconds(30), TIMEOUTS, Answering.NOBODY);
        assertThat(quiet.commands()).as("once the service goes quiet, the command goes again")
                .containsExactly(new SagaCommand.HoldSeats(StepName.OUTBOUND_SEATS, OUT));
    }

    @Test
    void a_step_queued_behind_a_busy_service_is_still_given_up_at_the_deadline() {
        BookingSaga saga = started().saga();
        for (Instant now = T0; now.isBefore(T0.plus(Duration.ofMinutes(5))); now = now.plusSeconds(5)) {
            Decision decision = saga.timeouts(now, TIMEOUTS, step -> true);
            assertThat(decision.commands()).isEmpty();
            saga = decision.saga();
        }

        Decision givenUp = saga.timeouts(T0.plus(Duration.ofMinutes(5)), TIMEOUTS, step -> true);

        assertThat(givenUp.saga().phase()).isEqualTo(Phase.REJECTED);
        assertThat(givenUp.rejections()).extracting(Rejection::code).containsOnly(Rejection.Code.TIMEOUT);
    }

    @Test
    void a_participant_away_for_minutes_but_back_before_the_deadline_lets_the_booking_through() {
        BookingSaga saga = started().saga().seatsHeld(OUT, HELD_UNTIL, T0, TIMEOUTS).saga()
                .seatsHeld(BACK, HELD_UNTIL, T0, TIMEOUTS).saga();
        for (Instant now = T0; now.isBefore(T0.plus(Duration.ofMinutes(4))); now = now.plusSeconds(5)) {
            saga = saga.timeouts(now, TIMEOUTS).saga();
        }
        assertThat(saga.waitingFor()).containsExactly(StepName.VISAS);

        Decision answered = saga.visasChecked(CHECK, ALL_FINE, List.of(), T0.plus(Duration.ofMinutes(4)),
                TIMEOUTS);

        assertThat(answered.saga().phase()).isEqualTo(Phase.CONFIRMING);
        assertThat(answered.saga().waitingFor()).isEmpty();
        assertThat(answered.commands()).hasSize(2).allMatch(c -> c instanceof SagaCommand.ConfirmSeats);
    }

    @Test
    void only_steps_asked_more_than_once_are_what_the_booking_waits_for() {
        BookingSaga saga = started().saga();
        assertThat(saga.waitingFor()).as("answers are not late yet").isEmpty();

        saga = saga.visasChecked(CHECK, ALL_FINE, List.of(), T0, TIMEOUTS).saga().timeouts(T0.plusSeconds(10), TIMEOUTS)
                .saga();

        assertThat(saga.waitingFor()).containsExactly(StepName.OUTBOUND_SEATS, StepName.RETURN_SEATS);
    }

    @Test
    void seats_held_until_soon_bring_the_deadline_forward_to_leave_time_to_confirm_them() {
        Instant heldUntil = T0.plus(Duration.ofMinutes(4));
        Decision held = started().saga().seatsHeld(OUT, heldUntil, T0, TIMEOUTS);

        assertThat(held.saga().deadline()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        assertThat(held.log()).anySatisfy(line -> assertThat(line).contains("gives up at"));
        assertThat(started().saga().seatsHeld(OUT, HELD_UNTIL, T0, TIMEOUTS).saga().deadline())
                .as("a hold that outlives the patience changes nothing").isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void seats_held_after_the_deadline_gave_up_are_released_again_never_sold() {
        Decision timedOut = started().saga().timeouts(T0.plus(Duration.ofMinutes(5)), TIMEOUTS);
        BookingSaga givenUp = timedOut.saga();
        assertThat(timedOut.rejections()).extracting(Rejection::subject)
                .containsExactly("VISAS", "OUTBOUND_SEATS", "RETURN_SEATS");

        Decision late = givenUp.seatsHeld(OUT, HELD_UNTIL, T0.plus(Duration.ofMinutes(6)), TIMEOUTS);
        Decision lateSale = late.saga().seatsConfirmed(BACK, T0.plus(Duration.ofMinutes(6)));

        assertThat(late.saga().phase()).isEqualTo(Phase.REJECTED);
        assertThat(late.commands()).containsExactly(new SagaCommand.ReleaseSeats(StepName.OUTBOUND_SEATS, OUT,
                "seats held after the booking ended"));
        assertThat(lateSale.commands()).containsExactly(new SagaCommand.ReleaseSeats(StepName.RETURN_SEATS, BACK,
                "seats sold after the booking ended"));
    }

    @Test
    void a_hold_that_expires_while_confirming_rejects_the_booking_and_releases_the_other_flight() {
        BookingSaga confirming = started().saga().visasChecked(CHECK, ALL_FINE, List.of(), T0, TIMEOUTS).saga()
                .seatsHeld(OUT, HELD_UNTIL, T0, TIMEOUTS).saga().seatsHeld(BACK, HELD_UNTIL, T0, TIMEOUTS).saga()
                .seatsConfirmed(OUT, T0).saga();

        Decision lost = confirming.seatsLost(BACK, Rejection.Code.HOLD_EXPIRED, "the seat hold expired", T0);

        assertThat(lost.saga().phase()).isEqualTo(Phase.REJECTED);
        assertThat(lost.commands()).containsExactly(
                new SagaCommand.ReleaseSeats(StepName.OUTBOUND_SEATS, OUT, "booking refused"));
    }

    @Test
    void cancelling_a_confirmed_booking_releases_both_flights_and_anything_else_cannot_be_cancelled() {
        BookingSaga confirmed = started().saga().visasChecked(CHECK, ALL_FINE, List.of(), T0, TIMEOUTS).saga()
                .seatsHeld(OUT, HELD_UNTIL, T0, TIMEOUTS).saga().seatsHeld(BACK, HELD_UNTIL, T0, TIMEOUTS).saga()
                .seatsConfirmed(OUT, T0).saga().seatsConfirmed(BACK, T0).saga();

        Decision cancelled = confirmed.cancel(T0.plusSeconds(3600));

        assertThat(cancelled.saga().phase()).isEqualTo(Phase.CANCELLED);
        assertThat(cancelled.commands()).hasSize(2).allMatch(c -> c instanceof SagaCommand.ReleaseSeats);
        assertThat(started().saga().cancel(T0).saga().phase()).isEqualTo(Phase.RESERVING);
    }

    @Test
    void a_group_tour_refused_as_a_group_names_the_broken_rule_once_and_not_every_member() {
        Decision started = BookingSaga.start(ITINERARY, CHECK, OUT, BACK, new GroupTour(false), T0, TIMEOUTS);
        assertThat(started.commands().get(0)).isEqualTo(new SagaCommand.CheckVisas(CHECK, new GroupTour(false)));
        List<VisaVerdict> members = List.of(
                new VisaVerdict("Ivan Petrov", false, "CN-RU-GROUP-2000", List.of("AGENCY_NOT_AUTHORISED")),
                new VisaVerdict("Maria Petrova", false, "CN-RU-GROUP-2000", List.of("AGENCY_NOT_AUTHORISED")),
                new VisaVerdict("Aigerim Bekova", false, null, List.of("NO_POLICY")));

        Decision refused = started.saga().visasChecked(CHECK, members, List.of(new Rejection(Rejection.Code.AGENCY_NOT_AUTHORISED,
                "the group tour is refused: the agency is not authorised", "group")), T0, TIMEOUTS);

        assertThat(refused.saga().phase()).isEqualTo(Phase.REJECTED);
        assertThat(refused.rejections()).extracting(Rejection::code, Rejection::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Rejection.Code.AGENCY_NOT_AUTHORISED, "group"),
                org.assertj.core.groups.Tuple.tuple(Rejection.Code.NO_ENTRY_POLICY, "Aigerim Bekova"));
        assertThat(refused.commands()).hasSize(2).allMatch(command -> command instanceof SagaCommand.ReleaseSeats);
    }

    @Test
    void a_resent_visa_check_of_a_group_tour_is_still_a_group_check() {
        BookingSaga saga = BookingSaga.start(ITINERARY, CHECK, OUT, BACK, new GroupTour(true), T0, TIMEOUTS).saga();

        assertThat(saga.timeouts(T0.plusSeconds(10), TIMEOUTS).commands())
                .contains(new SagaCommand.CheckVisas(CHECK, new GroupTour(true)));
    }
}
