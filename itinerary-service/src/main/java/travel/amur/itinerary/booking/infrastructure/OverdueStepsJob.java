package travel.amur.itinerary.booking.infrastructure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.booking.application.BookingItineraries;
import travel.amur.itinerary.booking.application.BookingPolicy;

/** Looks for bookings with overdue steps every {@code amur.booking.scan-interval}, in every instance. */
@Component
class OverdueStepsJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverdueStepsJob.class);

    private final BookingItineraries booking;
    private final BookingPolicy policy;
    private volatile Disposable running;

    OverdueStepsJob(BookingItineraries booking, BookingPolicy policy) {
        this.booking = booking;
        this.policy = policy;
    }

    @Override
    public void start() {
        running = Flux.interval(policy.scanInterval())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(booking::handleOverdue)
                        .doOnError(e -> log.warn("overdue booking steps not handled, will retry: {}", e.toString()))
                        .onErrorComplete(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        if (running != null) {
            running.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}
