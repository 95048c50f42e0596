package travel.amur.flight.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import travel.amur.flight.schedule.application.GeneratingFlights;
import travel.amur.flight.support.FlightServiceTest;
import travel.amur.flight.support.TestClock;

@FlightServiceTest
class GeneratingFlightsTest {

    @Autowired GeneratingFlights generating;
    @Autowired DatabaseClient db;

    @Test
    void flights_are_on_sale_a_year_ahead_of_the_clock_from_start_up() {
        // The clock stands at 2027-01-04: the last Wednesday within a year is 2027-12-29, the next is beyond.
        assertThat(exists("HZ4698", "2027-12-29")).isTrue();
        assertThat(exists("HZ4698", "2028-01-05")).isFalse();
    }

    @Test
    void moving_the_window_adds_only_the_new_days_and_running_it_again_adds_nothing() {
        LocalDate from = LocalDate.of(2028, 1, 10);
        LocalDate to = LocalDate.of(2028, 1, 16);

        Long added = generating.generate(from, to).block();
        Long again = generating.generate(from, to).block();

        assertThat(added).isPositive();
        assertThat(again).isZero();
        assertThat(exists("HZ4698", "2028-01-12")).isTrue();
        assertThat(exists("HZ4698", "2028-01-11")).isFalse();
        Integer capacity = db.sql("SELECT capacity FROM seat_inventory WHERE flight_id = :id")
                .bind("id", TestClock.flight("HZ4698", "2028-01-12"))
                .map(row -> row.get("capacity", Integer.class)).one().block();
        assertThat(capacity).isEqualTo(70);
    }

    private boolean exists(String flightNumber, String date) {
        return db.sql("SELECT count(*) AS n FROM flight WHERE id = :id")
                .bind("id", TestClock.flight(flightNumber, date))
                .map(row -> row.get("n", Long.class)).one().block() == 1;
    }
}
