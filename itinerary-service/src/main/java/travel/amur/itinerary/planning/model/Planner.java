package travel.amur.itinerary.planning.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import travel.amur.itinerary.catalog.model.Attraction;
import travel.amur.itinerary.catalog.model.Season;

/**
 * Works a draft out into a day-by-day plan with its price and warnings: activities out of season, before the outbound
 * flight lands or after the return leaves, visa limits, extreme cold. Plain Java.
 */
public final class Planner {

    /** Time from landing to the first visit: immigration, baggage, the ride into town. */
    static final int MINUTES_AFTER_LANDING = 120;
    /** Time to be at the airport before the return flight. */
    static final int MINUTES_BEFORE_DEPARTURE = 150;

    private Planner() {
    }

    /**
     * @param visaAdvice what the visa service said of each traveller, or null when it could not be asked
     */
    public static Plan plan(Draft draft, Map<String, Attraction> attractions, List<VisaAdvice> visaAdvice) {
        List<Warning> warnings = new ArrayList<>();
        for (PlannedActivity activity : draft.activities()) {
            warnings.addAll(activityWarnings(draft, activity, attractions.get(activity.attractionId())));
        }
        warnings.addAll(visaWarnings(draft, visaAdvice));
        List<Plan.Day> days = days(draft, attractions);
        warnings.addAll(coldWarnings(days, attractions));
        return new Plan(days, price(draft, attractions), warnings);
    }

    private static List<Warning> activityWarnings(Draft draft, PlannedActivity activity, Attraction attraction) {
        List<Warning> warnings = new ArrayList<>();
        LocalDate date = activity.date();
        String id = attraction.id();
        String name = attraction.names().in("en");
        if (!attraction.openOn(date)) {
            warnings.add(new Warning(Warning.Code.OUT_OF_SEASON, name + " is not open on " + date
                    + seasonHint(attraction, date), id, date));
        } else if (attraction.seasonOn(date).filter(season -> !season.confirmed()).isPresent()) {
            Season season = attraction.seasonOn(date).orElseThrow();
            warnings.add(new Warning(Warning.Code.SEASON_NOT_CONFIRMED, name + "'s season from "
                    + season.opens() + " to " + season.closes() + " is expected, not yet announced", id, date));
        }
        LocalDate arrival = draft.arrivalDate();
        LocalTime landed = draft.outbound().arrival().toLocalTime();
        if (date.isBefore(arrival)) {
            warnings.add(new Warning(Warning.Code.BEFORE_ARRIVAL, name + " on " + date + " is before the outbound "
                    + "flight lands on " + arrival, id, date));
        } else if (date.equals(arrival) && attraction.closesAt() != null
                && !landed.plusMinutes(MINUTES_AFTER_LANDING).isBefore(attraction.closesAt())) {
            warnings.add(new Warning(Warning.Code.BEFORE_ARRIVAL, name + " closes at " + attraction.closesAt()
                    + "; the flight lands at " + landed + " on " + date, id, date));
        }
        LocalDate departure = draft.departureDate();
        LocalTime leaves = draft.inbound().departure().toLocalTime();
        if (date.isAfter(departure)) {
            warnings.add(new Warning(Warning.Code.AFTER_DEPARTURE, name + " on " + date + " is after the return "
                    + "flight leaves on " + departure, id, date));
        } else if (date.equals(departure) && attraction.opensAt() != null && attraction.opensAt()
                .plusMinutes(attraction.minutesNeeded()).isAfter(leaves.minusMinutes(MINUTES_BEFORE_DEPARTURE))) {
            warnings.add(new Warning(Warning.Code.AFTER_DEPARTURE, name + " opens at " + attraction.opensAt()
                    + " and takes " + attraction.minutesNeeded() + " minutes; the flight leaves at " + leaves, id,
                    date));
        }
        if (attraction.priceAdultCny() == null) {
            warnings.add(new Warning(Warning.Code.PRICE_UNKNOWN, name + ": no ticket price is published; it is not "
                    + "in the total", id, date));
        }
        return warnings;
    }

    private static String seasonHint(Attraction attraction, LocalDate date) {
        return attraction.seasons().stream()
                .filter(season -> season.year() == date.getYear() || season.year() == date.getYear() - 1)
                .filter(season -> !season.opens().isAfter(date.plusYears(1)))
                .map(season -> " (its " + season.year() + " season: " + season.opens() + " to " + season.closes() + ")")
                .reduce((first, second) -> second)
                .orElse("");
    }

    private static List<Warning> visaWarnings(Draft draft, List<VisaAdvice> advice) {
        if (advice == null) {
            return List.of(new Warning(Warning.Code.VISA_CHECK_UNAVAILABLE, "The visa service did not answer; "
                    + "booking checks every traveller again", null, null));
        }
        Map<String, Traveller> travellers = new LinkedHashMap<>();
        draft.travellers().forEach(t -> travellers.put(t.id(), t));
        List<Warning> warnings = new ArrayList<>();
        for (VisaAdvice a : advice) {
            if (a.eligible()) {
                continue;
            }
            String who = travellers.containsKey(a.travellerId()) ? travellers.get(a.travellerId()).fullName()
                    : a.travellerId();
            boolean tooLong = a.reasons().stream().anyMatch(r -> r.code().equals("STAY_TOO_LONG"));
            String because = a.reasons().stream().map(VisaAdvice.Reason::message).reduce((x, y) -> x + " " + y)
                    .orElse("");
            warnings.add(new Warning(tooLong ? Warning.Code.STAY_TOO_LONG : Warning.Code.VISA_NOT_ELIGIBLE,
                    who + " cannot enter without a visa"
                            + (a.policyId() == null ? "" : " under " + a.policyId()) + ": " + because,
                    a.travellerId(), null));
        }
        return warnings;
    }

    private static List<Plan.Day> days(Draft draft, Map<String, Attraction> attractions) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (LocalDate d = draft.arrivalDate(); !d.isAfter(draft.departureDate()); d = d.plusDays(1)) {
            dates.add(d);
        }
        draft.activities().forEach(activity -> dates.add(activity.date()));
        Map<LocalDate, List<Plan.Item>> byDay = new TreeMap<>();
        dates.forEach(date -> byDay.put(date, new ArrayList<>()));
        byDay.get(draft.arrivalDate()).add(new Plan.Item(Plan.Item.Kind.ARRIVAL, null, draft.outbound().flightId(),
                draft.outbound().flightNumber(), draft.outbound().arrival().toLocalTime(), null, null, null));
        for (PlannedActivity activity : draft.activities()) {
            Attraction a = attractions.get(activity.attractionId());
            byDay.get(activity.date()).add(new Plan.Item(Plan.Item.Kind.ACTIVITY, a.id(), null, null, a.opensAt(),
                    a.minutesNeeded(), a.outdoor(), a.priceAdultCny()));
        }
        byDay.get(draft.departureDate()).add(new Plan.Item(Plan.Item.Kind.DEPARTURE, null,
                draft.inbound().flightId(), draft.inbound().flightNumber(), draft.inbound().departure().toLocalTime(),
                null, null, null));
        List<Plan.Day> days = new ArrayList<>();
        byDay.forEach((date, items) -> days.add(new Plan.Day(date, ordered(items))));
        return days;
    }

    /** The departure last, the arrival first, visits in between in the order given. */
    private static List<Plan.Item> ordered(List<Plan.Item> items) {
        List<Plan.Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(item -> item.kind().ordinal()));
        return sorted;
    }

    private static List<Warning> coldWarnings(List<Plan.Day> days, Map<String, Attraction> attractions) {
        List<Warning> warnings = new ArrayList<>();
        for (Plan.Day day : days) {
            List<Attraction> outdoors = day.items().stream()
                    .filter(item -> item.kind() == Plan.Item.Kind.ACTIVITY && Boolean.TRUE.equals(item.outdoor()))
                    .map(item -> attractions.get(item.attractionId()))
                    .toList();
            if (outdoors.isEmpty()) {
                continue;
            }
            String why = Climate.coldOutdoors(outdoors.get(0).city(), day.date());
            if (why != null) {
                String names = outdoors.stream().map(a -> a.names().in("en")).reduce((x, y) -> x + ", " + y)
                        .orElse("");
                warnings.add(new Warning(Warning.Code.EXTREME_COLD, "Outdoors on " + day.date() + " (" + names + "): "
                        + why + ". Dress for extreme cold and limit time outside.", null, day.date()));
            }
        }
        return warnings;
    }

    private static Plan.Price price(Draft draft, Map<String, Attraction> attractions) {
        int travellers = draft.travellers().size();
        String flightCurrency = "CN".equals(draft.outbound().originCountry()) ? "CNY" : "RUB";
        BigDecimal perPerson = draft.outbound().fareIn(flightCurrency).add(draft.inbound().fareIn(flightCurrency));
        Plan.Amount flights = new Plan.Amount(perPerson.multiply(BigDecimal.valueOf(travellers)), flightCurrency);
        BigDecimal tickets = draft.activities().stream()
                .map(activity -> attractions.get(activity.attractionId()).priceAdultCny())
                .filter(price -> price != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .multiply(BigDecimal.valueOf(travellers));
        Plan.Amount activities = new Plan.Amount(tickets, "CNY");
        List<Plan.Amount> totals = flightCurrency.equals("CNY")
                ? List.of(new Plan.Amount(flights.amount().add(tickets), "CNY"))
                : List.of(flights, activities);
        return new Plan.Price(flights, activities, totals);
    }
}
