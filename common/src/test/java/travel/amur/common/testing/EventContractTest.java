package travel.amur.common.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import travel.amur.common.contract.flight.ConfirmSeats;
import travel.amur.common.event.Causation;
import travel.amur.common.event.EventCodec;

/** The event check itself: an event as the codec writes it passes, a broken one does not. */
class EventContractTest {

    final EventCodec codec = new EventCodec(JsonMapper.builder().build(),
            Clock.fixed(Instant.parse("2027-01-04T00:00:00Z"), ZoneOffset.UTC), "/amur/test");
    final String booking = UUID.randomUUID().toString();
    final String written = codec.write(codec.wrap(new ConfirmSeats(UUID.randomUUID(), UUID.fromString(booking)),
            booking, Causation.startOf(booking)));

    @Test
    void an_event_as_the_codec_writes_it_matches_the_document() {
        assertThatCode(() -> EventContract.get().check(written)).doesNotThrowAnyException();
    }

    @Test
    void data_without_a_required_field_or_a_wrong_dataschema_breaks_it() {
        assertThatThrownBy(() -> EventContract.get().check(written.replaceFirst("\"holdId\":\"[^\"]+\",", "")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("holdId");
        assertThatThrownBy(() -> EventContract.get().check(written.replace("#/components/schemas/", "#/elsewhere/")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("dataschema");
    }
}
