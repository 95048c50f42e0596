package travel.amur.flight.hold.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import travel.amur.flight.schedule.model.Cabin;
import travel.amur.flight.schedule.model.Currency;

class HeldSeatsTest {

    static final Instant PLACED = Instant.parse("2027-01-04T10:00:00Z");
    static final HeldSeats TWO_HELD = new HeldSeats(new HoldDetails(UUID.randomUUID(), "taiga", null,
            UUID.randomUUID(), "HZ4698", Cabin.ECONOMY, Passengers.count(2),
            new Money(new BigDecimal("25000"), Currency.RUB), PLACED, PLACED.plus(Duration.ofMinutes(15))));

    @Test
    void confirming_in_time_sells_the_held_seats() {
        Transition confirmed = TWO_HELD.confirm(PLACED.plus(Duration.ofMinutes(14)));

        assertThat(confirmed.to()).isInstanceOf(ConfirmedSeats.class);
        assertThat(confirmed.seats()).isEqualTo(new SeatMovement(-2, 2));
    }

    @Test
    void confirming_after_the_hold_ran_out_expires_it_and_gives_the_seats_back() {
        Transition late = TWO_HELD.confirm(PLACED.plus(Duration.ofMinutes(15)));

        assertThat(late.to()).isInstanceOf(ExpiredHold.class);
        assertThat(late.seats()).isEqualTo(new SeatMovement(-2, 0));
    }

    @Test
    void releasing_sold_seats_returns_them_to_the_flight() {
        ConfirmedSeats sold = (ConfirmedSeats) TWO_HELD.confirm(PLACED).to();

        Transition cancelled = sold.release(PLACED.plus(Duration.ofDays(1)), "trip cancelled");

        assertThat(cancelled.to()).isInstanceOfSatisfying(ReleasedSeats.class,
                released -> assertThat(released.reason()).isEqualTo("trip cancelled"));
        assertThat(cancelled.seats()).isEqualTo(new SeatMovement(0, -2));
    }

    @Test
    void a_hold_is_for_one_to_fifty_passengers_the_largest_group_tour() {
        assertThat(Passengers.count(50).count()).isEqualTo(50);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Passengers.count(51))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Passengers.count(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
