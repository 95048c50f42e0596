package travel.amur.itinerary.planning.application;

import reactor.core.publisher.Mono;
import travel.amur.itinerary.planning.model.Agency;
import travel.amur.itinerary.planning.model.Draft;
import travel.amur.itinerary.planning.model.VisaAnswers;

/**
 * The visa service, asked about each traveller of a draft (for a group tour, about the group as one); fails when it
 * cannot be reached.
 */
public interface VisaAdvisor {

    Mono<VisaAnswers> advise(Draft draft, Agency agency);
}
