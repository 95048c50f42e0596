package travel.amur.visa.eligibility.application;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.common.contract.visa.CheckVisas;
import travel.amur.common.contract.visa.VisasChecked;
import travel.amur.common.event.Causation;
import travel.amur.common.event.EventEnvelope;
import travel.amur.common.event.Topics;
import travel.amur.common.outbox.Outbox;
import travel.amur.visa.eligibility.model.Trip;
import travel.amur.visa.eligibility.model.Verdict;
import travel.amur.visa.policy.model.PassportType;
import travel.amur.visa.policy.model.Purpose;

/**
 * The visa step of the booking saga: checks every traveller of a {@code CheckVisas} on their own (a family on a
 * package trip is not a group tour under the group agreement) and answers {@code VisasChecked} through the outbox,
 * in the transaction that records the command as handled.
 */
@Service
public class AnsweringVisaChecks {

    private final CheckingEligibility checking;
    private final Outbox outbox;

    AnsweringVisaChecks(CheckingEligibility checking, Outbox outbox) {
        this.checking = checking;
        this.outbox = outbox;
    }

    public Mono<Void> answer(CheckVisas command, EventEnvelope cause) {
        return Flux.fromIterable(command.travellers())
                .concatMap(traveller -> checking.check(new Trip(traveller.nationality(), command.destination(),
                                PassportType.valueOf(traveller.passportType()), Purpose.valueOf(command.purpose()),
                                command.entryDate(), command.exitDate(), traveller.passportExpiry(),
                                command.onwardCountry(), null, null, null))
                        .map(verdict -> verdict(traveller.travellerId(), verdict)))
                .collectList()
                .map(verdicts -> new VisasChecked(command.checkId(), command.bookingId(), verdicts))
                .flatMap(answer -> outbox.publish(Topics.VISA_EVENTS, answer, command.checkId(), Causation.of(cause)))
                .then();
    }

    private static VisasChecked.Verdict verdict(String travellerId, Verdict verdict) {
        return new VisasChecked.Verdict(travellerId, verdict.eligible(),
                verdict.policy() == null ? null : verdict.policy().id(),
                verdict.reasons().stream()
                        .map(reason -> new VisasChecked.Reason(reason.code().name(), reason.message())).toList());
    }
}
