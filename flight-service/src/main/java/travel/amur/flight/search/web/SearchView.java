package travel.amur.flight.search.web;

import java.time.LocalDate;
import java.util.List;
import travel.amur.flight.search.application.SearchingFlights;

/** The answer to a search: the query as understood, and the offers sorted by departure. */
record SearchView(String origin, String destination, LocalDate date, int flexDays, int passengers, String cabin,
        String currency, List<OfferView> offers) {

    static SearchView of(SearchingFlights.Offers found) {
        var query = found.query();
        return new SearchView(query.origin(), query.destination(), query.date(), query.flexDays(), query.passengers(),
                query.cabin().name(), found.currency().name(), found.offers().stream().map(OfferView::of).toList());
    }
}
