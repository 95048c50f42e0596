package travel.amur.visa.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import travel.amur.common.contract.visa.CheckVisas;
import travel.amur.common.event.Causation;
import travel.amur.common.event.EventCodec;
import travel.amur.common.event.Topics;
import travel.amur.common.testing.TopicRecorder;
import travel.amur.visa.support.VisaServiceTest;

/** The visa service in the booking saga: CheckVisas in over Kafka, VisasChecked out through the outbox. */
@VisaServiceTest
class VisaChecksTest {

    static TopicRecorder visaEvents;

    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired EventCodec codec;

    @BeforeAll
    static void record(@Value("${spring.kafka.bootstrap-servers}") String bootstrap) {
        visaEvents = new TopicRecorder(bootstrap, Topics.VISA_EVENTS);
    }

    @AfterAll
    static void stopRecording() {
        visaEvents.close();
    }

    @Test
    void every_traveller_gets_a_verdict_once_even_when_the_command_is_delivered_twice() {
        UUID booking = UUID.randomUUID();
        UUID check = UUID.randomUUID();
        CheckVisas command = new CheckVisas(check, booking, "CN", "TOURISM", LocalDate.of(2027, 1, 6),
                LocalDate.of(2027, 1, 9), null, List.of(
                        new CheckVisas.Traveller("t1", "RU", "ORDINARY", LocalDate.of(2031, 5, 20)),
                        new CheckVisas.Traveller("t2", "RU", "DIPLOMATIC", LocalDate.of(2031, 5, 20)),
                        new CheckVisas.Traveller("t3", "DE", "ORDINARY", null)), null, null);
        String message = codec.write(codec.wrap(command, booking.toString(), Causation.startOf(booking.toString())));

        kafka.send(Topics.VISA_COMMANDS, booking.toString(), message).join();
        kafka.send(Topics.VISA_COMMANDS, booking.toString(), message).join();

        TopicRecorder.Message answer = visaEvents.await(m -> check.toString().equals(m.key())
                && TopicRecorder.ofType("VisasChecked").test(m), Duration.ofSeconds(15));
        assertThat(answer.data().get("verdicts").size()).isEqualTo(3);
        assertThat(answer.data().get("verdicts").get(0).get("policyId").asString()).isEqualTo("CN-RU-VISA-FREE-TRIAL");
        assertThat(answer.data().get("verdicts").get(0).get("reasons").get(0).get("code").asString())
                .isEqualTo("OUTSIDE_POLICY_WINDOW");
        assertThat(answer.data().get("verdicts").get(1).get("eligible").asBoolean()).as("a diplomat").isTrue();
        assertThat(answer.data().get("verdicts").get(1).get("policyId").asString()).isEqualTo("CN-RU-DIPLOMATIC-SERVICE");
        assertThat(answer.data().get("group").isNull()).as("not a group tour").isTrue();
        assertThat(answer.data().get("verdicts").get(2).get("reasons").get(0).get("code").asString())
                .isEqualTo("NO_POLICY");
        assertThat(answer.envelope().get("correlationid").asString()).isEqualTo(booking.toString());
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                visaEvents.matching(m -> check.toString().equals(m.key())).size() == 1);
    }

    @Test
    void a_group_tour_is_checked_as_a_group_and_answers_for_the_group_too() {
        UUID booking = UUID.randomUUID();
        UUID check = UUID.randomUUID();
        List<CheckVisas.Traveller> six = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> new CheckVisas.Traveller("g" + i, "RU", "ORDINARY", LocalDate.of(2031, 5, 20)))
                .toList();
        send(booking, new CheckVisas(check, booking, "CN", "TOURISM", LocalDate.of(2027, 1, 6),
                LocalDate.of(2027, 1, 9), null, six, true, false));

        TopicRecorder.Message answer = visaEvents.await(m -> check.toString().equals(m.key())
                && TopicRecorder.ofType("VisasChecked").test(m), Duration.ofSeconds(15));
        assertThat(answer.data().get("group").get("policyId").asString()).isEqualTo("CN-RU-GROUP-2000");
        assertThat(answer.data().get("group").get("met").asBoolean()).isFalse();
        assertThat(answer.data().get("group").get("counted").size()).isEqualTo(6);
        assertThat(answer.data().get("group").get("broken").get(0).get("code").asString())
                .isEqualTo("AGENCY_NOT_AUTHORISED");
    }

    private void send(UUID booking, CheckVisas command) {
        kafka.send(Topics.VISA_COMMANDS, booking.toString(),
                codec.write(codec.wrap(command, booking.toString(), Causation.startOf(booking.toString())))).join();
    }
}
