package travel.amur.itinerary.planning.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.itinerary.catalog.application.Catalog;
import travel.amur.itinerary.catalog.model.Attraction;
import travel.amur.itinerary.planning.model.Agency;
import travel.amur.itinerary.planning.model.Alternative;
import travel.amur.itinerary.planning.model.Draft;
import travel.amur.itinerary.planning.model.FlightLeg;
import travel.amur.itinerary.planning.model.Itinerary;
import travel.amur.itinerary.planning.model.ItineraryStatus;
import travel.amur.itinerary.planning.model.Plan;
import travel.amur.itinerary.planning.model.Planner;
import travel.amur.itinerary.planning.model.TripDisruption;
import travel.amur.itinerary.planning.model.VisaAdvice;
import travel.amur.itinerary.planning.model.Warning;

/**
 * Works out what a disrupted trip could do instead. Each candidate is planned as the trip would be after taking it,
 * with the visa service asked about its dates, and offered only if it raises no warning the trip did not have:
 * another flight on the route within three days with the seats the trip needs (the days on the ground moving with an
 * outbound flight), the retimed flight at its new times, another attraction in the city open that day, another way in
 * the visa service names. Runs outside any message's transaction (it asks other services), when a disruption is
 * recorded and every {@code amur.disruptions.scan-interval} for those still waiting (a service that did not answer).
 */
@Service
public class ProposingAlternatives {

    static final int FLEX_DAYS = 3;
    private static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(ProposingAlternatives.class);

    private final TripDisruptions disruptions;
    private final Itineraries itineraries;
    private final FlightDirectory flights;
    private final VisaAdvisor visas;
    private final Catalog catalog;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    ProposingAlternatives(TripDisruptions disruptions, Itineraries itineraries, FlightDirectory flights,
            VisaAdvisor visas, Catalog catalog, Clock clock) {
        this.disruptions = disruptions;
        this.itineraries = itineraries;
        this.flights = flights;
        this.visas = visas;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Starts working out what awaits alternatives, unless that is under way (then it runs once more after). */
    public void wake() {
        again.set(true);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        again.set(false);
        proposeAwaiting()
                .doFinally(signal -> {
                    running.set(false);
                    if (again.get()) {
                        wake();
                    }
                })
                .subscribe(count -> { }, e -> log.warn("working out alternatives failed: {}", e.toString()));
    }

    /** Works out the alternatives of a batch of disruptions that await them; emits how many it stored. */
    public Mono<Integer> proposeAwaiting() {
        return disruptions.awaitingAlternatives(BATCH)
                .concatMap(awaiting -> itineraries.findOwned(awaiting.itineraryId(), awaiting.agencyId())
                        .flatMap(trip -> alternatives(trip, awaiting.disruption())
                                .flatMap(found -> disruptions.propose(trip.id(), awaiting.disruption().id(), found,
                                        clock.instant()))
                                .doOnNext(stored -> log.info("disruption {} of itinerary {}: alternatives worked out",
                                        awaiting.disruption().id(), trip.id())))
                        // One that cannot be worked out now (a service away) waits for the next round.
                        .onErrorResume(e -> {
                            log.warn("alternatives of disruption {} not worked out yet: {}",
                                    awaiting.disruption().id(), e.toString());
                            return Mono.just(false);
                        }))
                .filter(Boolean::booleanValue)
                .count()
                .map(Long::intValue);
    }

    /** What would still work for this trip instead; nothing for a trip that is over or no longer concerned. */
    public Mono<List<Alternative>> alternatives(Itinerary trip, TripDisruption disruption) {
        if (trip.status() != ItineraryStatus.DRAFT && trip.status() != ItineraryStatus.PENDING
                && trip.status() != ItineraryStatus.CONFIRMED) {
            return Mono.just(List.of());
        }
        return switch (disruption.type()) {
            case "FLIGHT_CANCELLED", "FLIGHT_RETIMED" -> forFlight(trip, disruption);
            case "ATTRACTION_CLOSED" -> forClosure(trip, disruption);
            case "ENTRY_POLICY_CHANGED" -> forEntry(trip, disruption);
            default -> Mono.just(List.of());
        };
    }

    private Mono<List<Alternative>> forFlight(Itinerary trip, TripDisruption disruption) {
        UUID flightId = UUID.fromString(disruption.subject());
        var found = trip.draft().legOf(flightId);
        if (found.isEmpty()) {
            return Mono.just(List.of());
        }
        Alternative.Leg leg = found.get();
        FlightLeg current = trip.draft().flight(leg);
        int seats = trip.draft().travellers().size();
        Flux<Candidate> keepingNewTimes = !"FLIGHT_RETIMED".equals(disruption.type()) ? Flux.empty()
                : flights.flight(flightId).map(flight -> new Candidate(Alternative.Kind.KEEP_NEW_TIMES, flight, null))
                        .flux();
        Flux<Candidate> others = flights.offers(current.origin(), current.destination(),
                        current.departure().toLocalDate(), FLEX_DAYS)
                .filter(offer -> !offer.flightId().equals(flightId) && offer.seatsAvailable() >= seats)
                .concatMap(offer -> flights.flight(offer.flightId())
                        .map(flight -> new Candidate(Alternative.Kind.OTHER_FLIGHT, flight, offer.seatsAvailable())));
        return catalog.attractions().flatMap(attractions -> Flux.concat(keepingNewTimes, others)
                .concatMap(candidate -> checked(trip, disruption, leg, candidate, attractions))
                .collectList());
    }

    /**
     * For each visit to the closed attraction on a closed day, up to three others in the same city that are open
     * that day (in season, not closed) and not visited that day already.
     */
    private Mono<List<Alternative>> forClosure(Itinerary trip, TripDisruption disruption) {
        String closed = disruption.subject();
        return catalog.attractions().flatMap(attractions -> {
            Attraction attraction = attractions.get(closed);
            if (attraction == null) {
                return Mono.just(List.<Alternative>of());
            }
            return Flux.fromIterable(trip.draft().activities())
                    .filter(visit -> visit.attractionId().equals(closed)
                            && attraction.closureOn(visit.date()).isPresent())
                    .concatMap(visit -> Flux.fromIterable(attractions.values())
                            .filter(other -> other.city().equals(attraction.city()) && !other.id().equals(closed)
                                    && other.openOn(visit.date()) && other.closureOn(visit.date()).isEmpty()
                                    && trip.draft().activities().stream().noneMatch(a -> a.date().equals(visit.date())
                                            && a.attractionId().equals(other.id())))
                            .concatMap(other -> {
                                Draft changed = trip.draft().withVisit(closed, visit.date(), other.id());
                                return plannedWithoutNewWarnings(trip, changed, attractions,
                                                Set.of(Warning.Code.ATTRACTION_CLOSED))
                                        .map(plan -> new Alternative(Alternative.idOf(disruption.id(),
                                                Alternative.Kind.OTHER_ATTRACTION, other.id() + "@" + visit.date()),
                                                Alternative.Kind.OTHER_ATTRACTION, "Visit " + other.names().in("en")
                                                        + " in " + other.city() + " on " + visit.date() + " instead of "
                                                        + attraction.names().in("en"), null, null, null, null,
                                                other.id(), visit.date(), plan));
                            }, 1)
                            .take(3))
                    .collectList();
        });
    }

    /**
     * The other ways in the visa service now names for the travellers who may no longer enter as planned (a group
     * tour, transit, an e-visa), each once; taking one changes nothing in the plan, it says the agency arranges it.
     */
    private Mono<List<Alternative>> forEntry(Itinerary trip, TripDisruption disruption) {
        return visas.advise(trip.draft(), agencyOf(trip)).map(answers -> answers.travellers().stream()
                .filter(advice -> !advice.eligible())
                .flatMap(advice -> advice.alternatives().stream())
                .filter(way -> !way.policyId().equals(disruption.subject()))
                .collect(Collectors.toMap(VisaAdvice.Alternative::policyId, way -> way, (a, b) -> a,
                        LinkedHashMap::new))
                .values().stream()
                .map(way -> new Alternative(Alternative.idOf(disruption.id(), Alternative.Kind.ENTRY_ROUTE,
                        way.policyId()), Alternative.Kind.ENTRY_ROUTE, way.title() + " (" + way.policyId() + "): "
                        + way.summary(), null, null, null, null, null, null, null))
                .toList());
    }

    /** A flight the trip could take instead. */
    private record Candidate(Alternative.Kind kind, FlightLeg flight, Integer seatsAvailable) {
    }

    private Mono<Alternative> checked(Itinerary trip, TripDisruption disruption, Alternative.Leg leg,
            Candidate candidate, Map<String, Attraction> attractions) {
        Draft changed = trip.draft().withFlight(leg, candidate.flight());
        if (!changed.flightsInOrder()) {
            return Mono.empty();
        }
        return plannedWithoutNewWarnings(trip, changed, attractions, Set.of())
                .map(plan -> new Alternative(Alternative.idOf(disruption.id(), candidate.kind(),
                        candidate.flight().flightId().toString()), candidate.kind(),
                        describe(trip.draft(), leg, candidate, changed), leg, candidate.flight(),
                        candidate.seatsAvailable(), changed.packageStart(), null, null, plan));
    }

    /**
     * The plan of the changed trip, unless it raises a warning the trip's own plan does not (or one of
     * {@code tolerated}: what the disruption itself raises on the trip's other days).
     */
    private Mono<Plan> plannedWithoutNewWarnings(Itinerary trip, Draft changed, Map<String, Attraction> attractions,
            Set<Warning.Code> tolerated) {
        Set<Warning.Code> had = new HashSet<>(codes(trip.plan()));
        had.addAll(tolerated);
        return visas.advise(changed, agencyOf(trip))
                .map(answers -> Planner.plan(changed, attractions, answers, Set.of()))
                .filter(plan -> plan.warnings().stream().allMatch(warning -> had.contains(warning.code())));
    }

    /**
     * The trip's agency as the visa service is asked about it: a booked group tour passed the group check, so its
     * agency is authorised; of a draft, the visa service answers as it did when it was planned.
     */
    private static Agency agencyOf(Itinerary trip) {
        return new Agency(trip.agencyId(), trip.status() == ItineraryStatus.DRAFT ? null : Boolean.TRUE);
    }

    private static Set<Warning.Code> codes(Plan plan) {
        return plan.warnings().stream().map(Warning::code).collect(Collectors.toSet());
    }

    private static String describe(Draft trip, Alternative.Leg leg, Candidate candidate, Draft changed) {
        FlightLeg flight = candidate.flight();
        LocalDate day = flight.departure().toLocalDate();
        long days = ChronoUnit.DAYS.between(trip.flight(leg).departure().toLocalDate(), day);
        String when = day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + day + ", leaves "
                + flight.departure().toLocalTime() + ", lands " + flight.arrival().toLocalTime()
                + (days == 0 ? "" : " (" + Math.abs(days) + (Math.abs(days) == 1 ? " day " : " days ")
                        + (days > 0 ? "later" : "earlier") + ")");
        if (candidate.kind() == Alternative.Kind.KEEP_NEW_TIMES) {
            return "Keep " + flight.flightNumber() + " at its new times: " + when;
        }
        String moved = leg == Alternative.Leg.OUTBOUND && changed.packageStart() != null
                && !changed.packageStart().equals(trip.packageStart())
                ? "; the package moves to " + changed.packageStart() : "";
        return (leg == Alternative.Leg.OUTBOUND ? "Fly out on " : "Fly back on ") + flight.flightNumber() + " "
                + when + "; " + candidate.seatsAvailable() + " seats left" + moved;
    }
}
