package travel.amur.itinerary.booking.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import travel.amur.itinerary.booking.model.Answering;
import travel.amur.itinerary.booking.model.StepName;

/** When the flight and the visa service last answered a booking, as this instance heard them. */
@Component
public class RecentAnswers {

    private final AtomicReference<Instant> flights = new AtomicReference<>();
    private final AtomicReference<Instant> visas = new AtomicReference<>();
    private final Clock clock;

    RecentAnswers(Clock clock) {
        this.clock = clock;
    }

    /** The flight service answered a booking's command just now. */
    public void fromFlights() {
        flights.set(clock.instant());
    }

    /** The visa service answered a booking's check just now. */
    public void fromVisas() {
        visas.set(clock.instant());
    }

    /** Who answered within {@code window} of {@code now}. */
    Answering within(Duration window, Instant now) {
        Instant since = now.minus(window);
        return step -> {
            Instant last = (step.seats() ? flights : visas).get();
            return last != null && last.isAfter(since);
        };
    }
}
