package travel.amur.itinerary.planning.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import travel.amur.itinerary.catalog.model.Attraction;
import travel.amur.itinerary.catalog.model.Season;

/**
 * Works a draft out into a day-by-day plan with its price and warnings: activities out of season, activities that do
 * not fit between the landing and the return flight, places the trip cannot reach, visa limits and the group rules,
 * cold, concession prices on unconfirmed terms. Plain Java.
 */
public final class Planner {

    /** Time from landing to the first visit: immigration, baggage, the ride into town. */
    static final int MINUTES_AFTER_LANDING = 120;
    /** Time to be at the airport before the return flight. */
    static final int MINUTES_BEFORE_DEPARTURE = 150;
    /** Where no hours are published, a visit fits between these. */
    static final LocalTime DAY_STARTS = LocalTime.of(9, 0);
    static final LocalTime DAY_ENDS = LocalTime.of(21, 0);

    private Planner() {
    }

    /**
     * @param visas what the visa service said of the travellers, or null when it could not be asked
     * @param unreachable airports the trip would need a flight to (for an activity there) and none is on sale
     */
    public static Plan plan(Draft draft, Map<String, Attraction> attractions, VisaAnswers visas,
            Set<String> unreachable) {
        List<Warning> warnings = new ArrayList<>();
        for (PlannedActivity activity : draft.activities()) {
            warnings.addAll(activityWarnings(draft, activity, attractions.get(activity.attractionId()),
                    unreachable));
        }
        warnings.addAll(dayWarnings(draft, attractions));
        warnings.addAll(visaWarnings(draft, visas));
        List<Plan.Day> days = days(draft, attractions);
        warnings.addAll(coldWarnings(days, attractions));
        Priced priced = price(draft, attractions);
        warnings.addAll(priced.warnings());
        return new Plan(days, priced.price(), warnings);
    }

    private static List<Warning> activityWarnings(Draft draft, PlannedActivity activity, Attraction attraction,
            Set<String> unreachable) {
        List<Warning> warnings = new ArrayList<>();
        LocalDate date = activity.date();
        String id = attraction.id();
        String name = attraction.names().in("en");
        if (!attraction.openOn(date)) {
            warnings.add(Warning.about(Warning.Code.OUT_OF_SEASON, name + " is not open on " + date
                    + seasonHint(attraction, date), id, date));
        } else if (attraction.seasonOn(date).filter(season -> !season.confirmed()).isPresent()) {
            Season season = attraction.seasonOn(date).orElseThrow();
            warnings.add(Warning.about(Warning.Code.SEASON_NOT_CONFIRMED, name + "'s season from "
                    + season.opens() + (season.opensConfirmed() ? "" : " (expected)") + " to " + season.closes()
                    + (season.closesConfirmed() ? "" : " (expected)") + " is not confirmed by its source", id, date));
        }
        attraction.closureOn(date).ifPresent(closure -> warnings.add(Warning.about(Warning.Code.ATTRACTION_CLOSED,
                name + " is closed on " + date + " (from " + closure.from() + (closure.to() == null
                        ? " until further notice" : " to " + closure.to()) + "): " + closure.reason(), id, date)));
        if (date.isBefore(draft.arrivalDate())) {
            warnings.add(Warning.about(Warning.Code.BEFORE_ARRIVAL, name + " on " + date + " is before the outbound "
                    + "flight lands on " + draft.arrivalDate(), id, date));
        }
        if (date.isAfter(draft.departureDate())) {
            warnings.add(Warning.about(Warning.Code.AFTER_DEPARTURE, name + " on " + date + " is after the return "
                    + "flight leaves on " + draft.departureDate(), id, date));
        }
        if (attraction.access() == Attraction.Access.FLIGHT && unreachable.contains(attraction.airport())) {
            warnings.add(Warning.about(Warning.Code.NO_TRANSPORT, name + " in " + attraction.city() + " is reached "
                    + "by air from " + draft.outbound().destination() + ", and no flight to " + attraction.airport()
                    + " is on sale around " + date + ": arrange the trip there before selling it", id, date));
        }
        if (attraction.priceAdultCny() == null) {
            warnings.add(Warning.about(Warning.Code.PRICE_UNKNOWN, name + ": no ticket price is published; it is "
                    + "not in the total", id, date));
        }
        return warnings;
    }

    /**
     * The arrival and departure days: the visits of the day must fit between landing (and the ride into town) and
     * closing time, or between opening time and leaving for the airport. Where no hours are published the day is
     * taken to run from 09:00 to 21:00.
     */
    private static List<Warning> dayWarnings(Draft draft, Map<String, Attraction> attractions) {
        List<Warning> warnings = new ArrayList<>();
        LocalTime free = draft.outbound().arrival().toLocalTime().plusMinutes(MINUTES_AFTER_LANDING);
        LocalTime leave = draft.inbound().departure().toLocalTime().minusMinutes(MINUTES_BEFORE_DEPARTURE);
        boolean sameDay = draft.arrivalDate().equals(draft.departureDate());
        List<Attraction> arrivalDay = on(draft, draft.arrivalDate(), attractions);
        List<Attraction> departureDay = on(draft, draft.departureDate(), attractions);
        if (!arrivalDay.isEmpty()) {
            LocalTime closes = sameDay ? leave : latestClosing(arrivalDay);
            int minutes = minutes(arrivalDay);
            LocalTime from = free.isAfter(earliestOpening(arrivalDay)) ? free : earliestOpening(arrivalDay);
            if (overruns(from, minutes, closes) || free.isBefore(draft.outbound().arrival().toLocalTime())) {
                warnings.add(new Warning(Warning.Code.BEFORE_ARRIVAL, "On " + draft.arrivalDate() + " the flight "
                        + "lands at " + draft.outbound().arrival().toLocalTime() + "; " + names(arrivalDay) + " need "
                        + minutes + " minutes from " + free + " and " + (sameDay ? "the return leaves" : "the day ends")
                        + " by " + closes, ids(arrivalDay), draft.arrivalDate(), List.of()));
            }
        }
        if (!departureDay.isEmpty() && !sameDay) {
            LocalTime opens = earliestOpening(departureDay);
            int minutes = minutes(departureDay);
            if (overruns(opens, minutes, leave) || leave.isAfter(draft.inbound().departure().toLocalTime())) {
                warnings.add(new Warning(Warning.Code.AFTER_DEPARTURE, "On " + draft.departureDate() + " the return "
                        + "flight leaves at " + draft.inbound().departure().toLocalTime() + " (at the airport by "
                        + leave + "); " + names(departureDay) + " need " + minutes + " minutes from " + opens,
                        ids(departureDay), draft.departureDate(), List.of()));
            }
        }
        return warnings;
    }

    /** True when {@code minutes} from {@code from} end after {@code by} (or past midnight): the visits do not fit. */
    private static boolean overruns(LocalTime from, int minutes, LocalTime by) {
        return from.isAfter(by) || from.plusMinutes(minutes).isAfter(by) || from.plusMinutes(minutes).isBefore(from);
    }

    private static List<Attraction> on(Draft draft, LocalDate date, Map<String, Attraction> attractions) {
        return draft.activities().stream().filter(activity -> activity.date().equals(date))
                .map(activity -> attractions.get(activity.attractionId())).toList();
    }

    private static LocalTime earliestOpening(List<Attraction> visits) {
        return visits.stream().map(a -> a.opensAt() == null ? DAY_STARTS : a.opensAt())
                .min(Comparator.naturalOrder()).orElse(DAY_STARTS);
    }

    private static LocalTime latestClosing(List<Attraction> visits) {
        return visits.stream().map(a -> a.closesAt() == null ? DAY_ENDS : a.closesAt())
                .max(Comparator.naturalOrder()).orElse(DAY_ENDS);
    }

    private static int minutes(List<Attraction> visits) {
        return visits.stream().mapToInt(Attraction::minutesNeeded).sum();
    }

    private static String names(List<Attraction> visits) {
        return visits.stream().map(a -> a.names().in("en")).collect(Collectors.joining(", "));
    }

    private static List<String> ids(List<Attraction> visits) {
        return visits.stream().map(Attraction::id).toList();
    }

    private static String seasonHint(Attraction attraction, LocalDate date) {
        return attraction.seasons().stream()
                .filter(season -> season.year() == date.getYear() || season.year() == date.getYear() - 1)
                .filter(season -> !season.opens().isAfter(date.plusYears(1)))
                .map(season -> " (its " + season.year() + " season: " + season.opens() + " to " + season.closes() + ")")
                .reduce((first, second) -> second)
                .orElse("");
    }

    private static List<Warning> visaWarnings(Draft draft, VisaAnswers visas) {
        if (visas == null) {
            return List.of(new Warning(Warning.Code.VISA_CHECK_UNAVAILABLE, "The visa service did not answer; "
                    + "booking checks every traveller again", List.of(), null, List.of()));
        }
        Map<String, Traveller> travellers = new LinkedHashMap<>();
        draft.travellers().forEach(t -> travellers.put(t.id(), t));
        List<Warning> warnings = new ArrayList<>();
        for (VisaAdvice.Reason broken : visas.groupRulesBroken()) {
            warnings.add(new Warning(Warning.Code.GROUP_TOUR_REFUSED, "The group tour breaks a rule of the group "
                    + "regime (" + broken.code() + "): " + broken.message(), List.copyOf(travellers.keySet()), null,
                    List.of()));
        }
        for (VisaAdvice a : visas.travellers()) {
            if (a.eligible()) {
                continue;
            }
            String who = travellers.containsKey(a.travellerId()) ? travellers.get(a.travellerId()).fullName()
                    : a.travellerId();
            boolean tooLong = a.reasons().stream().anyMatch(r -> r.code().equals("STAY_TOO_LONG"));
            boolean unknown = a.reasons().stream().allMatch(r -> r.code().equals("NO_POLICY"));
            String because = a.reasons().stream().map(VisaAdvice.Reason::message).reduce((x, y) -> x + " " + y)
                    .orElse("");
            Warning.Code code = unknown ? Warning.Code.ENTRY_POLICY_UNKNOWN
                    : tooLong ? Warning.Code.STAY_TOO_LONG : Warning.Code.VISA_NOT_ELIGIBLE;
            String message = unknown ? who + ": " + because
                    : who + " cannot enter without a visa" + (a.policyId() == null ? "" : " under " + a.policyId())
                            + ": " + because;
            if (!a.alternatives().isEmpty()) {
                message += " Other ways in: " + a.alternatives().stream()
                        .map(alternative -> alternative.title() + " (" + alternative.summary() + ")")
                        .collect(Collectors.joining("; "));
            }
            warnings.add(new Warning(code, message, List.of(a.travellerId()), null, a.alternatives()));
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
            Map<String, List<Attraction>> byCity = outdoors.stream()
                    .collect(Collectors.groupingBy(Attraction::city, LinkedHashMap::new, Collectors.toList()));
            byCity.forEach((city, visits) -> {
                String why = Climate.coldOutdoors(city, day.date());
                if (why != null) {
                    warnings.add(new Warning(Warning.Code.EXTREME_COLD, "Outdoors on " + day.date() + " ("
                            + names(visits) + "): " + why + ". Dress for extreme cold and limit time outside.",
                            ids(visits), day.date(), List.of()));
                }
            });
        }
        return warnings;
    }

    /** A price and what to say about how it was made. */
    private record Priced(Plan.Price price, List<Warning> warnings) {
    }

    /**
     * Flights for everyone; tickets per traveller, at the concession price where the catalog has one and the
     * traveller is young enough on the day of the visit.
     */
    private static Priced price(Draft draft, Map<String, Attraction> attractions) {
        int travellers = draft.travellers().size();
        String flightCurrency = "CN".equals(draft.outbound().originCountry()) ? "CNY" : "RUB";
        BigDecimal perPerson = draft.outbound().fareIn(flightCurrency).add(draft.inbound().fareIn(flightCurrency));
        Plan.Amount flights = new Plan.Amount(perPerson.multiply(BigDecimal.valueOf(travellers)), flightCurrency);
        BigDecimal tickets = BigDecimal.ZERO;
        Map<String, List<String>> concessions = new LinkedHashMap<>();
        for (PlannedActivity activity : draft.activities()) {
            Attraction attraction = attractions.get(activity.attractionId());
            if (attraction.priceAdultCny() == null) {
                continue;
            }
            for (Traveller traveller : draft.travellers()) {
                if (concession(attraction, traveller, activity.date())) {
                    tickets = tickets.add(attraction.priceConcessionCny());
                    concessions.computeIfAbsent(attraction.id(), id -> new ArrayList<>()).add(traveller.id());
                } else {
                    tickets = tickets.add(attraction.priceAdultCny());
                }
            }
        }
        Plan.Amount activities = new Plan.Amount(tickets, "CNY");
        List<Plan.Amount> totals = flightCurrency.equals("CNY")
                ? List.of(new Plan.Amount(flights.amount().add(tickets), "CNY"))
                : List.of(flights, activities);
        List<Warning> warnings = new ArrayList<>();
        concessions.forEach((attractionId, who) -> {
            Attraction attraction = attractions.get(attractionId);
            if (attraction.concession().placeholder()) {
                warnings.add(new Warning(Warning.Code.CONCESSION_TERMS_UNCONFIRMED, attraction.names().in("en")
                        + ": the concession price (" + attraction.priceConcessionCny() + " CNY) is applied to "
                        + who.size() + " traveller(s) under " + (attraction.concession().maxAge() + 1) + "; "
                        + attraction.concession().note(), concat(attractionId, who), null, List.of()));
            }
        });
        return new Priced(new Plan.Price(flights, activities, totals), warnings);
    }

    private static boolean concession(Attraction attraction, Traveller traveller, LocalDate on) {
        Attraction.Concession terms = attraction.concession();
        return attraction.priceConcessionCny() != null && terms.maxAge() != null && traveller.birthDate() != null
                && Period.between(traveller.birthDate(), on).getYears() <= terms.maxAge();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
