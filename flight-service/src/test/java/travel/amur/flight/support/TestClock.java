package travel.amur.flight.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import travel.amur.common.testing.MutableClock;
import travel.amur.flight.schedule.model.PlannedFlight;

/**
 * The tests' time: Monday 4 January 2027, 00:00 UTC, whatever today is. Flights are generated a year from then, and
 * each test class uses its own flight days so classes never share seats.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    public static final Instant START = Instant.parse("2027-01-04T00:00:00Z");

    @Bean
    MutableClock clock() {
        return new MutableClock(START);
    }

    /** The id of a dated flight: derived from number and date, so tests know it without searching. */
    public static UUID flight(String flightNumber, String date) {
        return PlannedFlight.idOf(flightNumber, LocalDate.parse(date));
    }
}
