package travel.amur.itinerary.planning.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.common.web.InvalidField;
import travel.amur.common.web.PageLinks;
import travel.amur.common.web.ProblemException;
import travel.amur.itinerary.catalog.web.Languages;
import travel.amur.itinerary.planning.application.Itineraries;
import travel.amur.itinerary.planning.application.PlanningItineraries;
import travel.amur.itinerary.planning.application.WatchingItineraries;
import travel.amur.itinerary.planning.model.Agency;
import travel.amur.itinerary.planning.model.Itinerary;
import travel.amur.itinerary.planning.model.ItineraryStatus;

/** Itineraries of the agency in {@code X-Agency-Id} (set by the gateway); other agencies' answer 404. */
@RestController
@RequestMapping("/api/itineraries")
@Tag(name = "Itineraries", description = "Build a trip, book it, follow the booking, cancel it")
public class ItinerariesController {

    public static final String AGENCY = "X-Agency-Id";
    /** Set by the gateway from the agency's record: whether operations authorised it for group tours. */
    public static final String GROUP_TOURS = "X-Agency-Group-Tours";
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** What a watcher waits before reconnecting a dropped stream. */
    private static final Duration RECONNECT = Duration.ofSeconds(3);

    private final PlanningItineraries planning;
    private final WatchingItineraries watching;
    private final Itineraries itineraries;
    private final ItineraryViews views;

    ItinerariesController(PlanningItineraries planning, WatchingItineraries watching, Itineraries itineraries,
            ItineraryViews views) {
        this.planning = planning;
        this.watching = watching;
        this.itineraries = itineraries;
        this.views = views;
        WarningTexts.preload();
    }

    @PostMapping
    @Operation(summary = "Build an itinerary", description = """
            Travellers, destination, purpose, the outbound and return flights from a search, and activities (or a \
            package with its start date). Answers a DRAFT with the day-by-day plan, the price and warnings: \
            activities out of season or outside the stay, visa limits, extreme cold outdoors.""")
    @ApiResponse(responseCode = "201", description = "The draft")
    @ApiResponse(responseCode = "400", description = "Unknown flight or attraction, no or too many travellers, ...",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
                    {"type":"https://amur.travel/problems/invalid-request","title":"Invalid request","status":400,
                     "errors":[{"field":"travellers","message":"an itinerary is for 1 to 9 travellers"}]}""")))
    Mono<ResponseEntity<ItineraryView>> create(@RequestHeader(AGENCY) String agencyId,
            @RequestHeader(name = GROUP_TOURS, required = false) String groupTours,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @RequestBody ItineraryRequest request) {
        return planning.create(agency(agencyId, groupTours), request.toInput())
                .map(ItinerariesController::planned)
                .flatMap(itinerary -> view(itinerary, acceptLanguage))
                .map(view -> ResponseEntity.created(URI.create("/api/itineraries/" + view.id())).body(view));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One itinerary", description = """
            Answers an `ETag` (its version and language); with `If-None-Match` naming it, a 304 without a body.""")
    Mono<ResponseEntity<ItineraryView>> get(@RequestHeader(AGENCY) String agencyId, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        // The ETag on the entity makes WebFlux answer a matching If-None-Match with 304 itself.
        return itineraries.findOwned(id, agencyId).switchIfEmpty(notFound(id))
                .flatMap(itinerary -> view(itinerary, acceptLanguage).map(view -> ResponseEntity.ok()
                        .eTag(EntityTags.of(itinerary, Languages.choose(acceptLanguage)))
                        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                        .body(view)));
    }

    @GetMapping
    @Operation(summary = "The agency's itineraries, newest first, optionally by status")
    Mono<ResponseEntity<List<ItineraryView>>> list(@RequestHeader(AGENCY) String agencyId,
            @RequestParam(required = false) ItineraryStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageLinks.MAX_SIZE) int size,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            ServerHttpRequest request) {
        return itineraries.listOwned(agencyId, status, page, size).collectList()
                .flatMap(found -> views.of(found, acceptLanguage))
                .zipWith(itineraries.countOwned(agencyId, status))
                .map(found -> new PageLinks(page, size, found.getT2()).respond(request, found.getT1()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an itinerary while it is a DRAFT (409 after booking)", description = """
            With `If-Match` naming the ETag read, the change is made only if nobody changed the itinerary since \
            (412 otherwise: read it again).""")
    Mono<ResponseEntity<ItineraryView>> update(@RequestHeader(AGENCY) String agencyId, @PathVariable UUID id,
            @RequestHeader(name = GROUP_TOURS, required = false) String groupTours,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ItineraryRequest request) {
        return planning.update(id, agency(agencyId, groupTours), request.toInput(), EntityTags.versions(ifMatch))
                .flatMap(found -> found.isEmpty() ? notFound(id) : refused(found.get(), "changed")
                        .map(problem -> Mono.<Itinerary>error(problem))
                        .orElseGet(() -> Mono.just(planned(found.get()))))
                .flatMap(itinerary -> view(itinerary, acceptLanguage).map(view -> ResponseEntity.ok()
                        .eTag(EntityTags.of(itinerary, Languages.choose(acceptLanguage)))
                        .body(view)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Discard a DRAFT the agency will not book (409 once booked)", description = """
            The draft and its disruptions are deleted; a stream following it ends. With `If-Match` naming the ETag \
            read, only if nobody changed it since (412). A booked itinerary is cancelled instead (409). Discarding \
            again answers 404: it is gone.""")
    @ApiResponse(responseCode = "204", description = "Discarded")
    Mono<ResponseEntity<Void>> discard(@RequestHeader(AGENCY) String agencyId, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return planning.discard(id, agencyId, EntityTags.versions(ifMatch))
                .flatMap(found -> found.isEmpty() ? notFound(id) : refused(found.get(), "discarded")
                        .map(problem -> Mono.<ResponseEntity<Void>>error(problem))
                        .orElseGet(() -> Mono.just(ResponseEntity.noContent().build())));
    }

    /** The 409 or 412 of a change the itinerary's status or version does not allow, if it was refused. */
    private static Optional<ProblemException> refused(PlanningItineraries.Outcome outcome, String what) {
        if (outcome instanceof PlanningItineraries.NotDraft notDraft) {
            return Optional.of(notDraft(notDraft.status(), what));
        }
        if (outcome instanceof PlanningItineraries.Changed changed) {
            return Optional.of(new ProblemException(HttpStatus.PRECONDITION_FAILED, "itinerary-changed",
                    "Itinerary changed", "the itinerary is at version " + changed.version()
                            + ", not the one If-Match names; read it again", List.of()));
        }
        return Optional.empty();
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow an itinerary as it changes (Server-Sent Events)", description = """
            First the current status, then every status change as it happens, as `status` events whose id is the \
            itinerary's version; a comment every 15 seconds keeps the connection open. The stream ends after the \
            booking's outcome (CONFIRMED, REJECTED or CANCELLED); with `follow=true` it goes on until the trip is \
            REJECTED or CANCELLED and also sends each disruption that befalls it as a `disruption` event. Every event \
            says how long to wait before reconnecting (`retry:`); a reconnect whose `Last-Event-ID` already is that \
            outcome answers 204, which tells an EventSource to stop.""")
    Mono<ResponseEntity<Flux<ServerSentEvent<Object>>>> events(@RequestHeader(AGENCY) String agencyId,
            @PathVariable UUID id, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(defaultValue = "false") boolean follow) {
        Flux<ServerSentEvent<Object>> changes = watching.watch(id, agencyId)
                .takeUntil(itinerary -> follow ? itinerary.status().finished() : itinerary.status().settled())
                .map(itinerary -> ServerSentEvent.builder((Object) StatusEvent.of(itinerary))
                        .event("status").id(String.valueOf(itinerary.version())).retry(RECONNECT).build());
        Flux<ServerSentEvent<Object>> disruptions = !follow ? Flux.empty() : watching.disruptions(id)
                .map(disruption -> ServerSentEvent.builder((Object) ItineraryView.DisruptionView.of(disruption))
                        .event("disruption").id("disruption-" + disruption.id()).retry(RECONNECT).build());
        Flux<ServerSentEvent<Object>> heartbeat = Flux.interval(HEARTBEAT)
                .map(tick -> ServerSentEvent.builder().comment("keep-alive").build());
        return itineraries.findOwned(id, agencyId).switchIfEmpty(notFound(id))
                .map(found -> !follow && seenOutcome(found, lastEventId)
                        ? ResponseEntity.noContent().<Flux<ServerSentEvent<Object>>>build()
                        : ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                                .body(changes.publish(shared -> Flux.merge(shared,
                                        disruptions.takeUntilOther(shared.ignoreElements()),
                                        heartbeat.takeUntilOther(shared.ignoreElements())))));
    }

    /** Whether a reconnecting watcher has already been told the booking's outcome. */
    private static boolean seenOutcome(Itinerary itinerary, String lastEventId) {
        if (!itinerary.status().settled() || lastEventId == null) {
            return false;
        }
        try {
            return Integer.parseInt(lastEventId.trim()) >= itinerary.version();
        } catch (NumberFormatException notOurs) {
            return false;
        }
    }

    /** The agency as the gateway describes it; the authorisation is unknown when the header is absent. */
    public static Agency agency(String agencyId, String groupTours) {
        return new Agency(agencyId, groupTours == null ? null : Boolean.valueOf(groupTours.trim()));
    }

    private Mono<ItineraryView> view(Itinerary itinerary, String acceptLanguage) {
        return views.of(itinerary, acceptLanguage);
    }

    private static Itinerary planned(PlanningItineraries.Outcome outcome) {
        if (outcome instanceof PlanningItineraries.Invalid invalid) {
            throw ProblemException.invalid(invalid.problems().stream()
                    .map(problem -> new InvalidField(problem.field(), problem.message())).toList());
        }
        return ((PlanningItineraries.Planned) outcome).itinerary();
    }

    /** The 409 of an action the itinerary's status does not allow. */
    public static ProblemException notDraft(ItineraryStatus status, String what) {
        return ProblemException.conflict("itinerary-status", "Not allowed in this status",
                "an itinerary that is " + status + " cannot be " + what);
    }

    private static <T> Mono<T> notFound(UUID id) {
        return Mono.error(() -> ProblemException.notFound("no itinerary " + id));
    }

}
