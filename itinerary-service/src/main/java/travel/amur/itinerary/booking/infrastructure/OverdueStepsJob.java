package travel.amur.itinerary.booking.infrastructure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import travel.amur.common.config.RepeatingTask;
import travel.amur.itinerary.booking.application.BookingItineraries;
import travel.amur.itinerary.booking.application.BookingPolicy;

/** Looks for bookings with overdue steps every {@code amur.booking.scan-interval}, in every instance. */
@Configuration(proxyBeanMethods = false)
class OverdueStepsJob {

    @Bean
    RepeatingTask overdueBookingSteps(BookingItineraries booking, BookingPolicy policy) {
        return new RepeatingTask("handling overdue booking steps", policy.scanInterval(), policy.scanInterval(),
                booking::handleOverdue);
    }
}
