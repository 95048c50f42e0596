package travel.amur.itinerary.catalog.application;

import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.catalog.model.Attraction;
import travel.amur.itinerary.catalog.model.TripPackage;

/** The catalog; reference data that changes only with a migration, so it is read once. */
public interface Catalog {

    /** Every attraction by id, in catalog order. */
    Mono<Map<String, Attraction>> attractions();

    Mono<List<TripPackage>> packages();
}
