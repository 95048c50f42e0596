package travel.amur.flight.schedule.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    static final Airport UUS = new Airport("UUS", "Khomutovo", "Yuzhno-Sakhalinsk", "RU", ZoneId.of("Asia/Sakhalin"));
    static final Airport HRB = new Airport("HRB", "Taiping", "Harbin", "CN", ZoneId.of("Asia/Shanghai"));
    static final List<CabinPlan> Q400 = List.of(new CabinPlan(Cabin.ECONOMY, 70,
            new Fare(new BigDecimal("12500"), new BigDecimal("1096"))));

    static Schedule hz4698(LocalDate validFrom) {
        return new Schedule("HZ4698", "HZ", UUS, HRB, Set.of(DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY),
                LocalTime.of(14, 0), LocalTime.of(13, 55), 0, "DHC-8 Q400", validFrom, null, Q400, "test", null, null);
    }

    @Test
    void the_sakhalin_flight_leaves_at_two_in_the_afternoon_local_and_lands_in_harbin_at_five_to_two_local() {
        List<PlannedFlight> flights = hz4698(LocalDate.of(2023, 12, 2))
                .flightsBetween(LocalDate.of(2027, 1, 6), LocalDate.of(2027, 1, 6));

        assertThat(flights).singleElement().satisfies(flight -> {
            assertThat(flight.departsAt()).isEqualTo(Instant.parse("2027-01-06T03:00:00Z"));
            assertThat(flight.arrivesAt()).isEqualTo(Instant.parse("2027-01-06T05:55:00Z"));
            assertThat(Duration.between(flight.departsAt(), flight.arrivesAt())).isEqualTo(Duration.ofMinutes(175));
        });
    }

    @Test
    void flights_exist_only_on_the_days_of_the_schedule() {
        List<PlannedFlight> flights = hz4698(LocalDate.of(2023, 12, 2))
                .flightsBetween(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 17));

        assertThat(flights).extracting(PlannedFlight::departureDate).containsExactly(
                LocalDate.of(2027, 1, 6), LocalDate.of(2027, 1, 9),
                LocalDate.of(2027, 1, 13), LocalDate.of(2027, 1, 16));
    }

    @Test
    void a_withdrawn_schedule_makes_no_more_flights() {
        Schedule published = hz4698(LocalDate.of(2023, 12, 2));
        Schedule withdrawn = new Schedule(published.flightNumber(), published.carrier(), published.origin(),
                published.destination(), published.days(), published.departsLocal(), published.arrivesLocal(), 0,
                published.aircraft(), published.validFrom(), null, published.cabins(), "none", "withdrawn",
                new Schedule.Facts(List.of("times"), false, false, null));

        assertThat(withdrawn.flightsBetween(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 17))).isEmpty();
    }

    @Test
    void no_flight_exists_before_the_schedule_starts() {
        assertThat(hz4698(LocalDate.of(2027, 1, 10))
                .flightsBetween(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 12)))
                .isEmpty();
    }

    @Test
    void the_same_flight_gets_the_same_id_every_time() {
        Schedule schedule = hz4698(LocalDate.of(2023, 12, 2));
        LocalDate day = LocalDate.of(2027, 1, 6);

        assertThat(schedule.flightsBetween(day, day).get(0).id())
                .isEqualTo(schedule.flightsBetween(day, day).get(0).id())
                .isEqualTo(PlannedFlight.idOf("HZ4698", day));
    }

    @Test
    void a_schedule_that_would_land_before_it_leaves_is_refused() {
        Schedule backwards = new Schedule("XX1", "HZ", HRB, UUS, Set.of(DayOfWeek.MONDAY), LocalTime.of(10, 0),
                LocalTime.of(9, 0), 0, "Q400", LocalDate.of(2027, 1, 1), null, Q400, "test", null, null);

        // 10:00 in Harbin is 02:00 UTC; 09:00 in Yuzhno-Sakhalinsk is 22:00 UTC the day before.
        assertThatThrownBy(() -> backwards.flightsBetween(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 4)))
                .hasMessageContaining("arrive before it departs");
    }
}
