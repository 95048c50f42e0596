package travel.amur.itinerary.planning.infrastructure;

import java.time.LocalDate;
import java.util.List;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.planning.application.VisaAdvisor;
import travel.amur.itinerary.planning.model.Draft;
import travel.amur.itinerary.planning.model.Traveller;
import travel.amur.itinerary.planning.model.VisaAdvice;

/**
 * Asks the visa service's {@code POST /api/visa/eligibility} about each traveller on their own (a family trip is not
 * a group tour), in parallel.
 */
@Component
class HttpVisaAdvisor implements VisaAdvisor {

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

    /** The parts of the answer this service reads. */
    record Answer(boolean eligible, String policyId, Integer maxStayDays, Integer stayDays,
            List<VisaAdvice.Reason> reasons) {
    }

    @Override
    public Mono<List<VisaAdvice>> advise(Draft draft) {
        return Flux.fromIterable(draft.travellers())
                .flatMapSequential(traveller -> ask(draft, traveller))
                .collectList()
                .timeout(clients.timeout());
    }

    private Mono<VisaAdvice> ask(Draft draft, Traveller traveller) {
        return visas.post().uri("/api/visa/eligibility")
                .bodyValue(new Question(traveller.nationality(), draft.destination(), traveller.passportType(),
                        draft.purpose(), draft.arrivalDate(), draft.departureDate(), traveller.passportExpiry()))
                .retrieve()
                .bodyToMono(Answer.class)
                .map(answer -> new VisaAdvice(traveller.id(), answer.eligible(), answer.policyId(),
                        answer.maxStayDays(), answer.stayDays(), answer.reasons()));
    }
}
