package travel.amur.itinerary.booking.model;

import static org.assertj.core.api.Assertions.assertThat;
import static travel.amur.itinerary.booking.model.BookingSagaTest.ALL_FINE;
import static travel.amur.itinerary.booking.model.BookingSagaTest.BACK;
import static travel.amur.itinerary.booking.model.BookingSagaTest.CHECK;
import static travel.amur.itinerary.booking.model.BookingSagaTest.HELD_UNTIL;
import static travel.amur.itinerary.booking.model.BookingSagaTest.OUT;
import static travel.amur.itinerary.booking.model.BookingSagaTest.T0;
import static travel.amur.itinerary.booking.model.BookingSagaTest.TIMEOUTS;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import travel.amur.itinerary.planning.model.Rejection;

/** A confirmed booking moves one flight's seats to an alternative: new seats first, the old ones only after. */
class RebookingSagaTest {

    static final UUID DISRUPTION = UUID.randomUUID();
    static final UUID ALTERNATIVE = UUID.randomUUID();
    static final UUID NEXT_FLIGHT = UUID.randomUUID();
    static final UUID NEW_HOLD = UUID.randomUUID();

    static BookingSaga confirmed() {
        BookingSaga saga = BookingSagaTest.started().saga().visasChecked(CHECK, ALL_FINE, List.of(), T0, TIMEOUTS)
                .saga().seatsHeld(OUT, HELD_UNTIL, T0, TIMEOUTS).saga().seatsHeld(BACK, HELD_UNTIL, T0, TIMEOUTS)
                .saga().seatsConfirmed(OUT, T0).saga().seatsConfirmed(BACK, T0).saga();
        assertThat(saga.phase()).isEqualTo(Phase.CONFIRMED);
        return saga;
    }

    static Decision rebooking() {
        return confirmed().rebook(DISRUPTION, ALTERNATIVE, StepName.OUTBOUND_SEATS, NEXT_FLIGHT, NEW_HOLD, T0,
                TIMEOUTS);
    }

    @Test
    void the_new_seats_are_held_then_sold_and_only_then_the_old_ones_are_released() {
        Decision asked = rebooking();
        assertThat(asked.commands()).containsExactly(new SagaCommand.HoldSeatsOn(StepName.OUTBOUND_SEATS, NEW_HOLD,
                NEXT_FLIGHT));
        assertThat(asked.saga().nextDeadline()).as("a re-booking waits for its answer").isEqualTo(T0.plusSeconds(10));

        Decision held = asked.saga().seatsHeld(NEW_HOLD, HELD_UNTIL, T0, TIMEOUTS);
        assertThat(held.commands()).containsExactly(new SagaCommand.ConfirmSeats(StepName.OUTBOUND_SEATS, NEW_HOLD));
        assertThat(held.rebooking()).isNull();

        Decision sold = held.saga().seatsConfirmed(NEW_HOLD, T0);
        assertThat(sold.commands()).containsExactly(new SagaCommand.ReleaseSeats(StepName.OUTBOUND_SEATS, OUT,
                "re-booked on another flight"));
        assertThat(sold.rebooking()).isEqualTo(new RebookingOutcome.Rebooked(DISRUPTION, ALTERNATIVE));
        assertThat(sold.saga().step(StepName.OUTBOUND_SEATS).id()).as("the step names the new hold").isEqualTo(NEW_HOLD);
        assertThat(sold.saga().phase()).isEqualTo(Phase.CONFIRMED);
        assertThat(sold.saga().rebooking()).isNull();
        assertThat(sold.saga().nextDeadline()).isNull();

        assertThat(sold.saga().seatsLost(OUT, Rejection.Code.SEATS_RELEASED, "re-booked", T0).commands())
                .as("the old hold's release, announced, changes nothing").isEmpty();
        assertThat(sold.saga().seatsConfirmed(NEW_HOLD, T0).commands()).as("a duplicate sale").isEmpty();
    }

    @Test
    void refused_new_seats_keep_the_old_ones_and_say_why() {
        Decision refused = rebooking().saga().seatHoldRejected(NEW_HOLD, Rejection.Code.SOLD_OUT, "2 seats left", T0);

        assertThat(refused.commands()).as("nothing was held, nothing to release, the old seats stay").isEmpty();
        assertThat(refused.rebooking()).isInstanceOfSatisfying(RebookingOutcome.NotRebooked.class, not -> {
            assertThat(not.disruptionId()).isEqualTo(DISRUPTION);
            assertThat(not.why().code()).isEqualTo(Rejection.Code.SOLD_OUT);
        });
        assertThat(refused.saga().phase()).isEqualTo(Phase.CONFIRMED);
        assertThat(refused.saga().step(StepName.OUTBOUND_SEATS).id()).isEqualTo(OUT);
        assertThat(refused.saga().rebooking()).isNull();
    }

    @Test
    void an_unanswered_re_booking_is_asked_again_and_at_its_deadline_releases_the_new_hold_and_keeps_the_old() {
        BookingSaga saga = rebooking().saga();
        Decision again = saga.timeouts(T0.plusSeconds(10), TIMEOUTS);
        assertThat(again.commands()).containsExactly(new SagaCommand.HoldSeatsOn(StepName.OUTBOUND_SEATS, NEW_HOLD,
                NEXT_FLIGHT));

        Decision givenUp = again.saga().timeouts(T0.plus(Duration.ofMinutes(5)), TIMEOUTS);
        assertThat(givenUp.commands()).containsExactly(new SagaCommand.ReleaseSeats(StepName.OUTBOUND_SEATS, NEW_HOLD,
                "re-booking given up"));
        assertThat(givenUp.rebooking()).isInstanceOfSatisfying(RebookingOutcome.NotRebooked.class,
                not -> assertThat(not.why().code()).isEqualTo(Rejection.Code.TIMEOUT));
        assertThat(givenUp.saga().step(StepName.OUTBOUND_SEATS).id()).isEqualTo(OUT);
    }

    @Test
    void one_re_booking_at_a_time_and_only_of_a_confirmed_booking() {
        BookingSaga underWay = rebooking().saga();
        Decision second = underWay.rebook(UUID.randomUUID(), UUID.randomUUID(), StepName.RETURN_SEATS,
                UUID.randomUUID(), UUID.randomUUID(), T0, TIMEOUTS);
        assertThat(second.saga()).isEqualTo(underWay);
        assertThat(second.commands()).isEmpty();

        BookingSaga pending = BookingSagaTest.started().saga();
        assertThat(pending.rebook(DISRUPTION, ALTERNATIVE, StepName.OUTBOUND_SEATS, NEXT_FLIGHT, NEW_HOLD, T0,
                TIMEOUTS).commands()).isEmpty();
    }

    @Test
    void cancelling_during_a_re_booking_releases_the_old_and_the_new_seats() {
        Decision cancelled = rebooking().saga().seatsHeld(NEW_HOLD, HELD_UNTIL, T0, TIMEOUTS).saga().cancel(T0);

        assertThat(cancelled.commands()).extracting(command -> ((SagaCommand.ReleaseSeats) command).holdId())
                .containsExactlyInAnyOrder(NEW_HOLD, OUT, BACK);
        assertThat(cancelled.saga().phase()).isEqualTo(Phase.CANCELLED);
        assertThat(cancelled.rebooking()).isInstanceOf(RebookingOutcome.NotRebooked.class);
    }
}
