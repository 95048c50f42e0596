package travel.amur.flight.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import travel.amur.common.contract.flight.ConfirmSeats;
import travel.amur.common.contract.flight.HoldSeats;
import travel.amur.common.contract.flight.ReleaseSeats;
import travel.amur.common.event.Causation;
import travel.amur.common.event.EventCodec;
import travel.amur.common.event.Topics;
import travel.amur.common.testing.TopicRecorder;
import travel.amur.flight.support.FlightServiceTest;
import travel.amur.flight.support.TestClock;

/** The flight service as a participant of the booking saga: commands in over Kafka, events out through the outbox. */
@FlightServiceTest
class SeatCommandsTest {

    static TopicRecorder flightEvents;

    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired EventCodec codec;
    @Autowired DatabaseClient db;

    @BeforeAll
    static void record(@Value("${spring.kafka.bootstrap-servers}") String bootstrap) {
        flightEvents = new TopicRecorder(bootstrap, Topics.FLIGHT_EVENTS);
    }

    @AfterAll
    static void stopRecording() {
        flightEvents.close();
    }

    @Test
    void a_hold_command_holds_seats_and_answers_seats_held_in_the_same_flow() {
        UUID booking = UUID.randomUUID();
        UUID hold = UUID.randomUUID();

        String commandId = send(booking, new HoldSeats(hold, booking, "taiga", TestClock.flight("HZ4698", "2027-01-20"),
                null, 3, List.of(), null));

        TopicRecorder.Message held = awaitEvent(hold, "SeatsHeld");
        assertThat(held.dataText("seats")).isEqualTo("3");
        assertThat(held.dataText("bookingId")).isEqualTo(booking.toString());
        assertThat(held.envelope().get("correlationid").asString()).isEqualTo(booking.toString());
        assertThat(held.envelope().get("causationid").asString()).isEqualTo(commandId);
        assertThat(held.key()).isEqualTo(hold.toString());
    }

    @Test
    void a_repeated_hold_command_holds_nothing_more_and_answers_again() {
        UUID booking = UUID.randomUUID();
        UUID hold = UUID.randomUUID();
        UUID flight = TestClock.flight("HZ4699", "2027-01-20");
        HoldSeats command = new HoldSeats(hold, booking, "taiga", flight, null, 2, List.of(), null);

        send(booking, command);
        send(booking, command);

        flightEventsOf(hold, "SeatsHeld", 2);
        assertThat(heldSeats(flight)).isEqualTo(2);
        assertThat(holdRows(hold)).isEqualTo(1);
    }

    @Test
    void confirm_then_release_moves_the_seats_from_held_to_sold_and_back() {
        UUID booking = UUID.randomUUID();
        UUID hold = UUID.randomUUID();
        UUID flight = TestClock.flight("IO731", "2027-01-22");
        send(booking, new HoldSeats(hold, booking, "taiga", flight, "ECONOMY", 2, List.of("A B", "C D"), "CNY"));
        awaitEvent(hold, "SeatsHeld");

        send(booking, new ConfirmSeats(hold, booking));
        awaitEvent(hold, "SeatsConfirmed");
        assertThat(soldSeats(flight)).isEqualTo(2);

        send(booking, new ReleaseSeats(hold, booking, "itinerary cancelled"));
        TopicRecorder.Message released = awaitEvent(hold, "SeatsReleased");
        assertThat(released.dataText("reason")).isEqualTo("itinerary cancelled");
        assertThat(soldSeats(flight)).isZero();
        assertThat(heldSeats(flight)).isZero();
    }

    @Test
    void a_release_that_overtakes_its_hold_command_means_that_hold_is_never_made() {
        UUID booking = UUID.randomUUID();
        UUID hold = UUID.randomUUID();
        UUID flight = TestClock.flight("IO732", "2027-01-22");

        send(booking, new ReleaseSeats(hold, booking, "compensation"));
        awaitEvent(hold, "SeatsReleased");
        send(booking, new HoldSeats(hold, booking, "taiga", flight, null, 1, List.of(), null));

        TopicRecorder.Message rejected = awaitEvent(hold, "SeatHoldRejected");
        assertThat(rejected.dataText("reason")).isEqualTo("RELEASED");
        assertThat(heldSeats(flight)).isZero();
    }

    @Test
    void a_hold_on_a_full_cabin_is_rejected_as_sold_out() {
        UUID booking = UUID.randomUUID();
        UUID flight = TestClock.flight("SU6406", "2027-01-24");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        send(booking, new HoldSeats(first, booking, "taiga", flight, "BUSINESS", 9, List.of(), null));
        send(booking, new HoldSeats(second, booking, "taiga", flight, "BUSINESS", 9, List.of(), null));

        awaitEvent(first, "SeatsHeld");
        assertThat(awaitEvent(second, "SeatHoldRejected").dataText("reason")).isEqualTo("SOLD_OUT");
    }

    @Test
    void confirming_an_unknown_hold_answers_not_found() {
        UUID hold = UUID.randomUUID();

        send(UUID.randomUUID(), new ConfirmSeats(hold, null));

        assertThat(awaitEvent(hold, "SeatHoldRejected").dataText("reason")).isEqualTo("NOT_FOUND");
    }

    private String send(UUID booking, Object command) {
        var envelope = codec.wrap(command, booking.toString(), Causation.startOf(booking.toString()));
        kafka.send(Topics.FLIGHT_COMMANDS, booking.toString(), codec.write(envelope)).join();
        return envelope.id();
    }

    private TopicRecorder.Message awaitEvent(UUID hold, String type) {
        return flightEvents.await(m -> hold.toString().equals(m.key()) && TopicRecorder.ofType(type).test(m),
                Duration.ofSeconds(15));
    }

    private void flightEventsOf(UUID hold, String type, int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> flightEvents.matching(
                m -> hold.toString().equals(m.key()) && TopicRecorder.ofType(type).test(m)).size() >= count);
    }

    private int heldSeats(UUID flight) {
        return db.sql("SELECT sum(held) AS n FROM seat_inventory WHERE flight_id = :id").bind("id", flight)
                .map(row -> row.get("n", Integer.class)).one().block();
    }

    private int soldSeats(UUID flight) {
        return db.sql("SELECT sum(sold) AS n FROM seat_inventory WHERE flight_id = :id").bind("id", flight)
                .map(row -> row.get("n", Integer.class)).one().block();
    }

    private long holdRows(UUID hold) {
        return db.sql("SELECT count(*) AS n FROM seat_hold WHERE id = :id").bind("id", hold)
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
