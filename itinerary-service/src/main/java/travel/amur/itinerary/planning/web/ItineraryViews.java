package travel.amur.itinerary.planning.web;

import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.catalog.application.Catalog;
import travel.amur.itinerary.catalog.web.Languages;
import travel.amur.itinerary.planning.application.TripDisruptions;
import travel.amur.itinerary.planning.model.Itinerary;

/** Itineraries as answered: attractions named in the caller's language, with the disruptions that befell them. */
@Component
public class ItineraryViews {

    private final Catalog catalog;
    private final TripDisruptions disruptions;

    ItineraryViews(Catalog catalog, TripDisruptions disruptions) {
        this.catalog = catalog;
        this.disruptions = disruptions;
    }

    public Mono<ItineraryView> of(Itinerary itinerary, String acceptLanguage) {
        return of(List.of(itinerary), acceptLanguage).map(views -> views.get(0));
    }

    /** Several at once: one query for all their disruptions. */
    public Mono<List<ItineraryView>> of(List<Itinerary> itineraries, String acceptLanguage) {
        String language = Languages.choose(acceptLanguage);
        return Mono.zip(catalog.attractions(), disruptions.of(itineraries.stream().map(Itinerary::id).toList()))
                .map(found -> itineraries.stream().map(itinerary -> ItineraryView.of(itinerary, found.getT1(),
                        language, found.getT2().getOrDefault(itinerary.id(), List.of()))).toList());
    }
}
