package travel.amur.itinerary.planning.application;

import java.util.List;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.planning.model.Draft;
import travel.amur.itinerary.planning.model.VisaAdvice;

/** The visa service, asked about each traveller of a draft; fails when it cannot be reached. */
public interface VisaAdvisor {

    Mono<List<VisaAdvice>> advise(Draft draft);
}
