package travel.amur.itinerary.planning.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.catalog.application.Catalog;
import travel.amur.itinerary.catalog.model.Attraction;
import travel.amur.itinerary.catalog.model.TripPackage;
import travel.amur.itinerary.planning.model.Draft;
import travel.amur.itinerary.planning.model.FlightLeg;
import travel.amur.itinerary.planning.model.Itinerary;
import travel.amur.itinerary.planning.model.ItineraryStatus;
import travel.amur.itinerary.planning.model.Plan;
import travel.amur.itinerary.planning.model.PlannedActivity;
import travel.amur.itinerary.planning.model.Planner;
import travel.amur.itinerary.planning.model.Traveller;
import travel.amur.itinerary.planning.model.Agency;
import travel.amur.itinerary.planning.model.VisaAnswers;

/**
 * Builds itineraries: checks what the agency sent against the catalog, the flight service and common sense, works out
 * the plan, asks the visa service for early warnings, and keeps the result as a DRAFT the agency may change until it
 * books.
 */
@Service
public class PlanningItineraries {

    static final int MAX_TRAVELLERS = 9;
    /** A group tour under the China-Russia agreement. */
    static final int MIN_GROUP = 5;
    static final int MAX_GROUP = 50;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> PASSPORT_TYPES = Set.of("ORDINARY", "SERVICE", "DIPLOMATIC");
    private static final Set<String> PURPOSES = Set.of("TOURISM", "BUSINESS", "FAMILY", "EXCHANGE", "EVENTS",
            "TRANSIT", "WORK", "STUDY", "JOURNALISM", "RESIDENCE");
    private static final Pattern PASSPORT_NUMBER = Pattern.compile("[A-Z0-9]{5,20}");
    private static final Logger log = LoggerFactory.getLogger(PlanningItineraries.class);

    private final Itineraries itineraries;
    private final Catalog catalog;
    private final FlightDirectory flights;
    private final VisaAdvisor visas;
    private final TransactionalOperator tx;
    private final Clock clock;

    PlanningItineraries(Itineraries itineraries, Catalog catalog, FlightDirectory flights, VisaAdvisor visas,
            TransactionalOperator tx, Clock clock) {
        this.itineraries = itineraries;
        this.catalog = catalog;
        this.flights = flights;
        this.visas = visas;
        this.tx = tx;
        this.clock = clock;
    }

    /** A field of the input and what is wrong with it. */
    public record Problem(String field, String message) {
    }

    /** The itinerary saved, or why not. */
    public sealed interface Outcome permits Planned, Invalid, NotDraft, Changed, Discarded {
    }

    public record Planned(Itinerary itinerary) implements Outcome {
    }

    public record Invalid(List<Problem> problems) implements Outcome, Result {
    }

    public record NotDraft(ItineraryStatus status) implements Outcome {
    }

    /** The itinerary is no longer at the version the caller read (its {@code If-Match}). */
    public record Changed(int version) implements Outcome {
    }

    public Mono<Outcome> create(Agency agency, ItineraryInput input) {
        String agencyId = agency.id();
        return draft(input, agency).flatMap(result -> {
            if (result instanceof Invalid invalid) {
                return Mono.<Outcome>just(invalid);
            }
            Drafted drafted = (Drafted) result;
            Instant now = clock.instant();
            Itinerary itinerary = Itinerary.drafted(UUID.randomUUID(), agencyId, drafted.draft(), drafted.plan(), now);
            return itineraries.add(itinerary).thenReturn((Outcome) new Planned(itinerary));
        });
    }

    /**
     * Replaces the itinerary with a new input while it is a draft and, when {@code expected} names versions, only if
     * it is at one of them.
     */
    public Mono<Optional<Outcome>> update(UUID id, Agency agency, ItineraryInput input, Set<Integer> expected) {
        String agencyId = agency.id();
        return draft(input, agency).flatMap(result -> tx.transactional(itineraries.lockOwned(id, agencyId)
                .flatMap(current -> {
                    Optional<Outcome> refused = refusal(current, expected);
                    if (refused.isPresent()) {
                        return Mono.just(refused.get());
                    }
                    if (result instanceof Invalid) {
                        return Mono.just((Outcome) result);
                    }
                    Drafted drafted = (Drafted) result;
                    Itinerary changed = current.redrafted(drafted.draft(), drafted.plan(), clock.instant());
                    return itineraries.update(changed, false).thenReturn((Outcome) new Planned(changed));
                })
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())));
    }

    /** The draft is gone, with its disruptions. */
    public record Discarded(UUID id) implements Outcome {
    }

    /**
     * Deletes a DRAFT the agency will not book (a quote not taken), when {@code expected} names versions only if it
     * is at one of them; empty when the agency has no such itinerary. Booked itineraries stay: they are cancelled.
     */
    public Mono<Optional<Outcome>> discard(UUID id, String agencyId, Set<Integer> expected) {
        return tx.transactional(itineraries.lockOwned(id, agencyId)
                .flatMap(current -> refusal(current, expected).map(Mono::just)
                        .orElseGet(() -> itineraries.remove(id).thenReturn((Outcome) new Discarded(id))))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty()));
    }

    /** Why a draft cannot be changed or discarded now: read at another version, or no longer a draft. */
    private static Optional<Outcome> refusal(Itinerary current, Set<Integer> expected) {
        if (expected != null && !expected.contains(current.version())) {
            return Optional.of(new Changed(current.version()));
        }
        if (current.status() != ItineraryStatus.DRAFT) {
            return Optional.of(new NotDraft(current.status()));
        }
        return Optional.empty();
    }

    /** A checked input: a draft with its plan, or the problems found. */
    sealed interface Result permits Drafted, Invalid {
    }

    record Drafted(Draft draft, Plan plan) implements Result {
    }

    private Mono<Result> draft(ItineraryInput input, Agency agency) {
        List<Problem> problems = new ArrayList<>(checkBasics(input));
        Mono<FlightLeg> outbound = flight(input.outboundFlightId());
        Mono<FlightLeg> inbound = flight(input.returnFlightId());
        return Mono.zip(outbound.map(Optional::of).defaultIfEmpty(Optional.empty()),
                        inbound.map(Optional::of).defaultIfEmpty(Optional.empty()),
                        catalog.attractions(), catalog.packages())
                .flatMap(found -> {
                    Optional<FlightLeg> out = found.getT1();
                    Optional<FlightLeg> back = found.getT2();
                    if (input.outboundFlightId() != null && out.isEmpty()) {
                        problems.add(new Problem("outboundFlightId", "no flight " + input.outboundFlightId()));
                    }
                    if (input.returnFlightId() != null && back.isEmpty()) {
                        problems.add(new Problem("returnFlightId", "no flight " + input.returnFlightId()));
                    }
                    if (out.isPresent() && back.isPresent()
                            && !back.get().departure().isAfter(out.get().arrival())) {
                        problems.add(new Problem("returnFlightId", "the return flight leaves before the outbound "
                                + "flight lands (" + out.get().arrival() + ")"));
                    }
                    List<PlannedActivity> activities = activities(input, found.getT3(), found.getT4(), problems);
                    if (!problems.isEmpty()) {
                        return Mono.just((Result) new Invalid(problems));
                    }
                    Draft draft = new Draft(input.destination(), input.purpose(), travellers(input), out.get(),
                            back.get(), activities, input.packageId(), input.packageStart(), input.groupTour());
                    Mono<Optional<VisaAnswers>> advice = visas.advise(draft, agency)
                            .map(Optional::of)
                            .onErrorResume(e -> {
                                log.warn("visa service unavailable while planning: {}", e.toString());
                                return Mono.just(Optional.empty());
                            });
                    return Mono.zip(advice, unreachable(draft, found.getT3()))
                            .map(answers -> (Result) new Drafted(draft, Planner.plan(draft, found.getT3(),
                                    answers.getT1().orElse(null), answers.getT2())));
                });
    }

    /**
     * The airports the draft's activities need a flight to (places reached by air) for which none is on sale from
     * where the trip lands, within three days before the visit.
     */
    private Mono<Set<String>> unreachable(Draft draft, Map<String, Attraction> attractions) {
        String landsAt = draft.outbound().destination();
        return Flux.fromIterable(draft.activities())
                .map(activity -> Map.entry(attractions.get(activity.attractionId()), activity.date()))
                .filter(visit -> visit.getKey().access() == Attraction.Access.FLIGHT
                        && !visit.getKey().airport().equals(landsAt))
                .concatMap(visit -> flights.anyFlight(landsAt, visit.getKey().airport(), visit.getValue().minusDays(3),
                                visit.getValue())
                        .onErrorReturn(true)
                        .filter(found -> !found)
                        .map(none -> visit.getKey().airport()))
                .collect(java.util.stream.Collectors.toSet());
    }

    private Mono<FlightLeg> flight(UUID id) {
        return id == null ? Mono.empty() : flights.flight(id);
    }

    private List<Problem> checkBasics(ItineraryInput input) {
        List<Problem> problems = new ArrayList<>();
        if (input.destination() == null || !COUNTRIES.contains(input.destination())) {
            problems.add(new Problem("destination", "'" + input.destination() + "' is not an ISO 3166 alpha-2 code"));
        }
        if (input.purpose() == null || !PURPOSES.contains(input.purpose())) {
            problems.add(new Problem("purpose", "must be one of " + PURPOSES.stream().sorted().toList()));
        }
        if (input.outboundFlightId() == null) {
            problems.add(new Problem("outboundFlightId", "is required"));
        }
        if (input.returnFlightId() == null) {
            problems.add(new Problem("returnFlightId", "is required"));
        }
        List<ItineraryInput.TravellerInput> travellers = input.travellers() == null ? List.of() : input.travellers();
        if (input.groupTour() && (travellers.size() < MIN_GROUP || travellers.size() > MAX_GROUP)) {
            problems.add(new Problem("travellers", "a group tour is for " + MIN_GROUP + " to " + MAX_GROUP
                    + " travellers, not " + travellers.size()));
        } else if (!input.groupTour() && (travellers.isEmpty() || travellers.size() > MAX_TRAVELLERS)) {
            problems.add(new Problem("travellers", "an itinerary is for 1 to " + MAX_TRAVELLERS + " travellers"
                    + (travellers.size() > MAX_TRAVELLERS ? "; a larger party travels as a group tour (groupTour: "
                            + "true, " + MIN_GROUP + " to " + MAX_GROUP + ")" : "")));
        }
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < travellers.size(); i++) {
            ItineraryInput.TravellerInput t = travellers.get(i);
            String at = "travellers[" + i + "].";
            if (t == null) {
                problems.add(new Problem("travellers[" + i + "]", "is required"));
                continue;
            }
            if (blank(t.firstName()) || t.firstName().length() > 100) {
                problems.add(new Problem(at + "firstName", "is required (at most 100 characters)"));
            }
            if (blank(t.lastName()) || t.lastName().length() > 100) {
                problems.add(new Problem(at + "lastName", "is required (at most 100 characters)"));
            }
            if (t.nationality() == null || !COUNTRIES.contains(t.nationality())) {
                problems.add(new Problem(at + "nationality", "'" + t.nationality() + "' is not an ISO 3166 alpha-2 code"));
            }
            if (t.passportType() == null || !PASSPORT_TYPES.contains(t.passportType())) {
                problems.add(new Problem(at + "passportType", "must be ORDINARY, SERVICE or DIPLOMATIC"));
            }
            if (t.passportNumber() == null || !PASSPORT_NUMBER.matcher(t.passportNumber()).matches()) {
                problems.add(new Problem(at + "passportNumber", "must be 5 to 20 capital letters and digits"));
            }
            if (t.passportExpiry() == null) {
                problems.add(new Problem(at + "passportExpiry", "is required"));
            }
            if (t.birthDate() == null || t.birthDate().isAfter(today) || t.birthDate().getYear() < 1900) {
                problems.add(new Problem(at + "birthDate", "must be a date of birth in the past"));
            }
        }
        return problems;
    }

    private static List<PlannedActivity> activities(ItineraryInput input, Map<String, Attraction> attractions,
            List<TripPackage> packages, List<Problem> problems) {
        List<ItineraryInput.ActivityInput> listed = input.activities() == null ? List.of() : input.activities();
        if (input.packageId() != null) {
            if (!listed.isEmpty()) {
                problems.add(new Problem("activities", "give either activities or a package, not both"));
                return List.of();
            }
            Optional<TripPackage> chosen = packages.stream().filter(p -> p.id().equals(input.packageId())).findFirst();
            if (chosen.isEmpty()) {
                problems.add(new Problem("package.packageId", "no package '" + input.packageId() + "'"));
                return List.of();
            }
            if (input.packageStart() == null) {
                problems.add(new Problem("package.startDate", "is required with a package"));
                return List.of();
            }
            return chosen.get().items().stream()
                    .map(item -> new PlannedActivity(item.attractionId(), input.packageStart().plusDays(item.day() - 1L)))
                    .toList();
        }
        List<PlannedActivity> activities = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            ItineraryInput.ActivityInput activity = listed.get(i);
            if (activity == null || activity.attractionId() == null || !attractions.containsKey(activity.attractionId())) {
                problems.add(new Problem("activities[" + i + "].attractionId", "no attraction '"
                        + (activity == null ? null : activity.attractionId()) + "'"));
            } else if (activity.date() == null) {
                problems.add(new Problem("activities[" + i + "].date", "is required"));
            } else {
                activities.add(new PlannedActivity(activity.attractionId(), activity.date()));
            }
        }
        return activities;
    }

    private static List<Traveller> travellers(ItineraryInput input) {
        List<Traveller> travellers = new ArrayList<>();
        for (int i = 0; i < input.travellers().size(); i++) {
            ItineraryInput.TravellerInput t = input.travellers().get(i);
            travellers.add(new Traveller("t" + (i + 1), t.firstName().trim(), t.lastName().trim(), t.nationality(),
                    t.passportType(), t.passportNumber(), t.passportExpiry(), t.birthDate()));
        }
        return travellers;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
