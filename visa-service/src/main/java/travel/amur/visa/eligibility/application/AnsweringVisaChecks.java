package travel.amur.visa.eligibility.application;

import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.common.contract.visa.CheckVisas;
import travel.amur.common.contract.visa.VisasChecked;
import travel.amur.common.event.Causation;
import travel.amur.common.event.EventEnvelope;
import travel.amur.common.event.Topics;
import travel.amur.common.outbox.Outbox;
import travel.amur.visa.eligibility.model.GroupRules;
import travel.amur.visa.eligibility.model.Trip;
import travel.amur.visa.eligibility.model.Verdict;
import travel.amur.visa.policy.model.PassportType;
import travel.amur.visa.policy.model.Purpose;

/**
 * The visa step of the booking saga: checks the travellers of a {@code CheckVisas} (each on their own, or, for a group
 * tour, together under the group rules) and answers {@code VisasChecked} through the outbox, in the transaction that
 * records the command as handled.
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
        Mono<VisasChecked> answer = command.asGroup() ? asGroup(command) : oneByOne(command);
        return answer
                .flatMap(checked -> outbox.publish(Topics.VISA_EVENTS, checked, command.checkId(), Causation.of(cause)))
                .then();
    }

    private Mono<VisasChecked> oneByOne(CheckVisas command) {
        return Flux.fromIterable(command.travellers())
                .concatMap(traveller -> checking.check(trip(command, traveller))
                        .map(verdict -> verdict(traveller.travellerId(), verdict)))
                .collectList()
                .map(verdicts -> new VisasChecked(command.checkId(), command.bookingId(), verdicts, null));
    }

    private Mono<VisasChecked> asGroup(CheckVisas command) {
        List<GroupRules.Member> members = command.travellers().stream()
                .map(traveller -> new GroupRules.Member(traveller.travellerId(), trip(command, traveller)))
                .toList();
        return checking.checkGroup(members).map(group -> new VisasChecked(command.checkId(), command.bookingId(),
                group.members().stream().map(m -> verdict(m.travellerId(), m.verdict())).toList(),
                new VisasChecked.Group(group.policyId(), group.broken().isEmpty(), group.counted(),
                        group.broken().stream().map(rule -> new VisasChecked.Reason(rule.code().name(),
                                rule.message())).toList())));
    }

    private static Trip trip(CheckVisas command, CheckVisas.Traveller traveller) {
        return new Trip(traveller.nationality(), command.destination(),
                PassportType.valueOf(traveller.passportType()), Purpose.valueOf(command.purpose()),
                command.entryDate(), command.exitDate(), traveller.passportExpiry(), command.onwardCountry(), null,
                null, null, command.agencyAuthorisedForGroups());
    }

    private static VisasChecked.Verdict verdict(String travellerId, Verdict verdict) {
        return new VisasChecked.Verdict(travellerId, verdict.eligible(),
                verdict.policy() == null ? null : verdict.policy().id(),
                verdict.reasons().stream()
                        .map(reason -> new VisasChecked.Reason(reason.code().name(), reason.message())).toList());
    }
}
