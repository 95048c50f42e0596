package travel.amur.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the relay sends as a record's traceparent header, from the envelope as the outbox gives it back. */
class OutboxSenderTest {

    static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void the_trace_is_found_as_jackson_writes_the_envelope_and_as_jsonb_gives_it_back() {
        assertThat(OutboxSender.traceparentOf("{\"id\":\"1\",\"traceparent\":\"" + TRACE + "\",\"data\":{}}"))
                .isEqualTo(TRACE);
        assertThat(OutboxSender.traceparentOf("{\"id\": \"1\", \"traceparent\": \"" + TRACE + "\", \"data\": {}}"))
                .isEqualTo(TRACE);
    }

    @Test
    void an_envelope_without_a_trace_has_none() {
        assertThat(OutboxSender.traceparentOf("{\"id\": \"1\", \"data\": {\"note\": \"traceparent\"}}")).isNull();
        assertThat(OutboxSender.traceparentOf("{\"id\": \"1\"}")).isNull();
    }
}
