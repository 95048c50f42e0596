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

class BookingSagaTest {

    static final Instant T0 = Instant.parse("2027-01-04T10:00:00Z");
    static final SagaTimeouts TIMEOUTS = new SagaTimeouts(Duration.ofSeconds(10), 3);
    static final UUID ITINERARY = UUID.randomUUID();
    static final UUID CHECK = UUID.randomUUID();
    static final UUID OUT = UUID.randomUUID();
    static final UUID BACK = UUID.randomUUID();

    static Decision started() {
        return BookingSaga.start(ITINERARY, CHECK, OUT, BACK, T0, TIMEOUTS);
    }

    static final List<VisaVerdict> ALL_FINE = List.of(new VisaVerdict("Ivan Petrov", true, "CN-RU-VISA-FREE-TRIAL",
            List.of()), new VisaVerdict("Maria Petrova", true, "CN-RU-VISA-FREE-TRIAL", List.of()));

    @Test
    void a_booking_asks_for_visas_and_both_holds_at_once_having_registered_their_compensation() {
        Decision start = started();

        assertThat(start.saga().phase()).isEqualTo(Phase.RESERVING);
        assertThat(start.commands()).containsExactly(new SagaCommand.CheckVisas(CHECK),
                new SagaCommand.HoldSeats(StepName.OUTBOUND_SEATS, OUT),
                new SagaCommand.HoldSeats(StepName.RETURN_SEATS, BACK));
        assertThat(start.log().get(0)).contains("compensation registered");
        assertThat(start.saga().nextDeadline()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void when_everything_says_yes_the_seats_are_confirmed_and_then_the_booking_is() {
        BookingSaga saga = started().saga();
        saga = saga.visasChecked(CHECK, ALL_FINE, T0, TIMEOUTS).saga();
        saga = saga.seatsHeld(OUT, T0, TIMEOUTS).saga();
        Decision confirming = saga.seatsHeld(BACK, T0, TIMEOUTS);

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
                s -> s.visasChecked(CHECK, ALL_FINE, T0, TIMEOUTS),
                s -> s.seatsHeld(OUT, T0, TIMEOUTS),
                s -> s.seatsHeld(BACK, T0, TIMEOUTS),
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
                T0, TIMEOUTS);

        assertThat(rejected.saga().phase()).isEqualTo(Phase.REJECTED);
        assertThat(rejected.saga().refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo("VISA_NOT_ELIGIBLE");
            assertThat(refusal.subject()).isEqualTo("Maria Petrova");
            assertThat(refusal.message()).contains("OUTSIDE_POLICY_WINDOW");
        });
        assertThat(rejected.commands()).containsExactlyInAnyOrder(
                new SagaCommand.ReleaseSeats(StepName.OUTBOUND_SEATS, OUT, "booking refused"),
                new SagaCommand.ReleaseSeats(StepName.RETURN_SEATS, BACK, "booking refused"));
    }

    @Test
    void a_sold_out_flight_rejects_the_booking_and_releases_only_the_other_hold() {
        BookingSaga saga = started().saga().seatsHeld(OUT, T0, TIMEOUTS).saga();

        Decision rejected = saga.seatHoldRejected(BACK, "SOLD_OUT", "only 1 seat left", T0);

        assertThat(rejected.saga().phase()).isEqualTo(Phase.REJECTED);
        assertThat(rejected.saga().refusals()).extracting(Refusal::code).containsExactly("SOLD_OUT");
        assertThat(rejected.commands()).containsExactly(
                new SagaCommand.ReleaseSeats(StepName.OUTBOUND_SEATS, OUT, "booking refused"));
    }

    @Test
    void a_late_hold_after_the_rejection_does_not_bring_the_booking_back_and_is_released_again() {
        BookingSaga rejected = started().saga().seatHoldRejected(BACK, "SOLD_OUT", "none left", T0).saga();

        Decision late = rejected.seatsHeld(OUT, T0.plusSeconds(30), TIMEOUTS);
        Decision lateVisas = late.saga().visasChecked(CHECK, ALL_FINE, T0.plusSeconds(31), TIMEOUTS);

        assertThat(late.saga().phase()).isEqualTo(Phase.REJECTED);
        assertThat(late.commands()).containsExactly(new SagaCommand.ReleaseSeats(StepName.OUTBOUND_SEATS, OUT,
                "seats held after the booking ended"));
        assertThat(lateVisas.saga()).isEqualTo(late.saga());
        assertThat(lateVisas.commands()).isEmpty();
    }

    @Test
    void the_echo_of_its_own_release_changes_nothing() {
        BookingSaga rejected = started().saga().seatHoldRejected(BACK, "SOLD_OUT", "none left", T0).saga();

        Decision echo = rejected.seatsLost(OUT, "SEATS_RELEASED", "booking refused", T0);

        assertThat(echo.saga()).isEqualTo(rejected);
        assertThat(echo.commands()).isEmpty();
    }

    @Test
    void an_unanswered_step_is_asked_again_with_the_same_id_then_given_up_with_everything_released() {
        BookingSaga saga = started().saga().visasChecked(CHECK, ALL_FINE, T0, TIMEOUTS).saga()
                .seatsHeld(BACK, T0, TIMEOUTS).saga();

        Decision second = saga.timeouts(T0.plusSeconds(10), TIMEOUTS);
        assertThat(second.commands()).containsExactly(new SagaCommand.HoldSeats(StepName.OUTBOUND_SEATS, OUT));
        assertThat(second.saga().step(StepName.OUTBOUND_SEATS).attempts()).isEqualTo(2);
        assertThat(second.saga().timeouts(T0.plusSeconds(20), TIMEOUTS).commands()).isEmpty();

        Decision third = second.saga().timeouts(T0.plusSeconds(30), TIMEOUTS);
        assertThat(third.commands()).containsExactly(new SagaCommand.HoldSeats(StepName.OUTBOUND_SEATS, OUT));

        Decision givenUp = third.saga().timeouts(T0.plusSeconds(60), TIMEOUTS);
        assertThat(givenUp.saga().phase()).isEqualTo(Phase.REJECTED);
        assertThat(givenUp.saga().refusals()).extracting(Refusal::code).containsExactly("TIMEOUT");
        assertThat(givenUp.commands()).containsExactlyInAnyOrder(
                new SagaCommand.ReleaseSeats(StepName.OUTBOUND_SEATS, OUT, "booking refused"),
                new SagaCommand.ReleaseSeats(StepName.RETURN_SEATS, BACK, "booking refused"));
    }

    @Test
    void a_hold_that_expires_while_confirming_rejects_the_booking_and_releases_the_other_flight() {
        BookingSaga confirming = started().saga().visasChecked(CHECK, ALL_FINE, T0, TIMEOUTS).saga()
                .seatsHeld(OUT, T0, TIMEOUTS).saga().seatsHeld(BACK, T0, TIMEOUTS).saga()
                .seatsConfirmed(OUT, T0).saga();

        Decision lost = confirming.seatsLost(BACK, "HOLD_EXPIRED", "the seat hold expired", T0);

        assertThat(lost.saga().phase()).isEqualTo(Phase.REJECTED);
        assertThat(lost.commands()).containsExactly(
                new SagaCommand.ReleaseSeats(StepName.OUTBOUND_SEATS, OUT, "booking refused"));
    }

    @Test
    void cancelling_a_confirmed_booking_releases_both_flights_and_anything_else_cannot_be_cancelled() {
        BookingSaga confirmed = started().saga().visasChecked(CHECK, ALL_FINE, T0, TIMEOUTS).saga()
                .seatsHeld(OUT, T0, TIMEOUTS).saga().seatsHeld(BACK, T0, TIMEOUTS).saga()
                .seatsConfirmed(OUT, T0).saga().seatsConfirmed(BACK, T0).saga();

        Decision cancelled = confirmed.cancel(T0.plusSeconds(3600));

        assertThat(cancelled.saga().phase()).isEqualTo(Phase.CANCELLED);
        assertThat(cancelled.commands()).hasSize(2).allMatch(c -> c instanceof SagaCommand.ReleaseSeats);
        assertThat(started().saga().cancel(T0).saga().phase()).isEqualTo(Phase.RESERVING);
    }
}
