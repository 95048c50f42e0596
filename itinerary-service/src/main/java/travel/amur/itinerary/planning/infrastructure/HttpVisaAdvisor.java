package travel.amur.itinerary.planning.infrastructure;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.planning.application.VisaAdvisor;
import travel.amur.itinerary.planning.model.Agency;
import travel.amur.itinerary.planning.model.Draft;
import travel.amur.itinerary.planning.model.Traveller;
import travel.amur.itinerary.planning.model.VisaAdvice;
import travel.amur.itinerary.planning.model.VisaAnswers;

/**
 * Asks the visa service's {@code POST /api/visa/eligibility} about each traveller on their own (a family trip is not
 * a group tour), in parallel; a group tour goes to {@code /batch} as one group, with the agency's authorisation.
 */
@Component
class HttpVisaAdvisor implements VisaAdvisor {

    static final String GROUP_TOURS = "X-Agency-Group-Tours";

    private final WebClient visas;
    private final ServiceClients clients;

    HttpVisaAdvisor(WebClient.Builder builder, LoadBalancedExchangeFilterFunction balanced,
            ServiceClients clients) {
        // Any instance of the visa-service the discovery client lists (amur.itinerary.clients.*-url by default).
        this.visas = builder.baseUrl("http://visa-service").filter(balanced).build();
        this.clients = clients;
    }

    /** The question, as the visa service takes it. */
    record Question(String nationality, String destination, String passportType, String purpose, LocalDate entryDate,
            LocalDate exitDate, LocalDate passportExpiry) {
    }

    /** A group's question. */
    record GroupQuestion(String destination, String purpose, LocalDate entryDate, LocalDate exitDate,
            List<Member> travellers) {

        record Member(String travellerId, String nationality, String passportType, LocalDate passportExpiry) {
        }
    }

    /** The parts of the answer this service reads. */
    record Answer(boolean eligible, String policyId, Integer maxStayDays, Integer stayDays,
            List<VisaAdvice.Reason> reasons, List<VisaAdvice.Alternative> alternatives) {
    }

    /** The parts of a group's answer this service reads. */
    record GroupAnswer(List<TravellerAnswer> travellers, Group group) {

        record TravellerAnswer(String travellerId, Answer answer) {
        }

        record Group(List<Rule> rules) {
        }

        record Rule(String code, boolean met, String message) {
        }
    }

    @Override
    public Mono<VisaAnswers> advise(Draft draft, Agency agency) {
        Mono<VisaAnswers> answers = draft.groupTour() ? asGroup(draft, agency) : oneByOne(draft);
        return answers.timeout(clients.timeout());
    }

    private Mono<VisaAnswers> oneByOne(Draft draft) {
        return Flux.fromIterable(draft.travellers())
                .flatMapSequential(traveller -> ask(draft, traveller))
                .collectList()
                .map(advice -> new VisaAnswers(advice, List.of()));
    }

    private Mono<VisaAdvice> ask(Draft draft, Traveller traveller) {
        return visas.post().uri("/api/visa/eligibility")
                .bodyValue(new Question(traveller.nationality(), draft.destination(), traveller.passportType(),
                        draft.purpose(), draft.arrivalDate(), draft.departureDate(), traveller.passportExpiry()))
                .retrieve()
                .bodyToMono(Answer.class)
                .map(answer -> advice(traveller.id(), answer));
    }

    private Mono<VisaAnswers> asGroup(Draft draft, Agency agency) {
        var request = visas.post().uri("/api/visa/eligibility/batch");
        if (agency.groupToursAuthorised() != null) {
            request = request.header(GROUP_TOURS, agency.groupToursAuthorised().toString());
        }
        Map<String, Traveller> byId = draft.travellers().stream()
                .collect(Collectors.toMap(Traveller::id, Function.identity()));
        return request.bodyValue(new GroupQuestion(draft.destination(), draft.purpose(), draft.arrivalDate(),
                        draft.departureDate(), draft.travellers().stream().map(t -> new GroupQuestion.Member(t.id(),
                                t.nationality(), t.passportType(), t.passportExpiry())).toList()))
                .retrieve()
                .bodyToMono(GroupAnswer.class)
                .map(answer -> new VisaAnswers(
                        answer.travellers().stream().filter(t -> byId.containsKey(t.travellerId()))
                                .map(t -> advice(t.travellerId(), t.answer())).toList(),
                        answer.group() == null ? List.of() : answer.group().rules().stream()
                                .filter(rule -> !rule.met() && rule.code() != null)
                                .map(rule -> new VisaAdvice.Reason(rule.code(), rule.message())).toList()));
    }

    private static VisaAdvice advice(String travellerId, Answer answer) {
        return new VisaAdvice(travellerId, answer.eligible(), answer.policyId(), answer.maxStayDays(),
                answer.stayDays(), answer.reasons(), answer.alternatives());
    }
}
