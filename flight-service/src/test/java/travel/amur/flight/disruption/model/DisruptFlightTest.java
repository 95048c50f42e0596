package travel.amur.flight.disruption.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deciding on a declared cancellation or retiming, without a database. */
class DisruptFlightTest {

    static final Instant NOW = Instant.parse("2027-01-04T00:00:00Z");
    static final FlightNow FLIGHT = new FlightNow(UUID.randomUUID(), "HZ4698", Instant.parse("2027-01-06T03:00:00Z"),
            Instant.parse("2027-01-06T05:55:00Z"), false);

    @Test
    void a_retiming_records_the_times_before_and_after() {
        var decision = retime("2027-01-06T05:30:00Z", "2027-01-06T08:25:00Z").decide(FLIGHT, NOW, UUID.randomUUID());

        assertThat(decision).isInstanceOfSatisfying(DisruptFlight.Disrupted.class, disrupted -> {
            assertThat(disrupted.disruption().previousDeparture()).isEqualTo(FLIGHT.departsAt());
            assertThat(disrupted.disruption().departure()).isEqualTo(Instant.parse("2027-01-06T05:30:00Z"));
            assertThat(disrupted.disruption().by()).isEqualTo("ops.duty");
        });
    }

    @Test
    void an_arrival_before_the_departure_or_a_departure_in_the_past_is_refused_naming_the_field() {
        assertThat(retime("2027-01-06T05:30:00Z", "2027-01-06T05:00:00Z").decide(FLIGHT, NOW, UUID.randomUUID()))
                .isEqualTo(new DisruptFlight.Refused(DisruptFlight.Refusal.INVALID, "arrival",
                        "must be after the departure"));
        assertThat(retime("2027-01-03T05:30:00Z", "2027-01-06T08:00:00Z").decide(FLIGHT, NOW, UUID.randomUUID()))
                .extracting(d -> ((DisruptFlight.Refused) d).field()).isEqualTo("departure");
    }

    @Test
    void a_cancellation_takes_no_times_and_a_cancelled_or_departed_flight_cannot_be_disrupted() {
        var cancel = new DisruptFlight(FLIGHT.flightId(), DisruptionType.CANCELLED, "storm", null, null, "ops.duty");
        assertThat(new DisruptFlight(FLIGHT.flightId(), DisruptionType.CANCELLED, "storm",
                Instant.parse("2027-01-06T05:30:00Z"), null, "ops.duty").decide(FLIGHT, NOW, UUID.randomUUID()))
                .extracting(d -> ((DisruptFlight.Refused) d).field()).isEqualTo("departure");
        assertThat(cancel.decide(new FlightNow(FLIGHT.flightId(), "HZ4698", FLIGHT.departsAt(), FLIGHT.arrivesAt(),
                true), NOW, UUID.randomUUID()))
                .extracting(d -> ((DisruptFlight.Refused) d).refusal()).isEqualTo(DisruptFlight.Refusal.ALREADY_CANCELLED);
        assertThat(cancel.decide(FLIGHT, Instant.parse("2027-01-06T03:00:00Z"), UUID.randomUUID()))
                .extracting(d -> ((DisruptFlight.Refused) d).refusal()).isEqualTo(DisruptFlight.Refusal.DEPARTED);
        assertThat(cancel.decide(FLIGHT, NOW, UUID.randomUUID())).isInstanceOf(DisruptFlight.Disrupted.class);
    }

    private static DisruptFlight retime(String departure, String arrival) {
        return new DisruptFlight(FLIGHT.flightId(), DisruptionType.RETIMED, "slot moved", Instant.parse(departure),
                Instant.parse(arrival), "ops.duty");
    }
}
