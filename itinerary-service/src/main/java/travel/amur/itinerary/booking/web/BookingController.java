package travel.amur.itinerary.booking.web;

import static travel.amur.itinerary.planning.web.ItinerariesController.AGENCY;
import static travel.amur.itinerary.planning.web.ItinerariesController.GROUP_TOURS;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import travel.amur.common.web.IdempotentRequests;
import travel.amur.common.web.ProblemException;
import travel.amur.common.web.StoredResponse;
import travel.amur.itinerary.booking.application.BookingItineraries;
import travel.amur.itinerary.booking.application.ReplanningTrips;
import travel.amur.itinerary.planning.application.Itineraries;
import travel.amur.itinerary.planning.model.Itinerary;
import travel.amur.itinerary.planning.web.ItinerariesController;
import travel.amur.itinerary.planning.web.ItineraryView;
import travel.amur.itinerary.planning.web.ItineraryViews;

/**
 * Booking's front door: book an itinerary, cancel it, and its saga for support. Planning owns the itineraries;
 * booking uses it, never the other way round (ArchitectureTest).
 */
@RestController
@RequestMapping("/api/itineraries")
@Tag(name = "Itineraries", description = "Build a trip, book it, follow the booking, cancel it")
class BookingController {

    private final BookingItineraries booking;
    private final Itineraries itineraries;
    private final ItineraryViews views;
    private final IdempotentRequests idempotency;
    private final ReplanningTrips replanning;

    BookingController(BookingItineraries booking, Itineraries itineraries, ItineraryViews views,
            IdempotentRequests idempotency, ReplanningTrips replanning) {
        this.booking = booking;
        this.replanning = replanning;
        this.itineraries = itineraries;
        this.views = views;
        this.idempotency = idempotency;
    }

    @PostMapping("/{id}/book")
    @Operation(summary = "Book a DRAFT itinerary", description = """
            Starts the booking saga and answers 202 with status PENDING at once: visas are checked and seats held \
            in parallel, then the seats are confirmed. Follow it on `/events` or by GET: it ends CONFIRMED, or \
            REJECTED with reasons (VISA_NOT_ELIGIBLE naming the traveller, SOLD_OUT, TIMEOUT ...). Needs an \
            `Idempotency-Key`; booking anything but a DRAFT is a 409.""")
    @ApiResponse(responseCode = "202", description = "Booking started")
    @ApiResponse(responseCode = "409", description = "The itinerary is not a DRAFT",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ResponseEntity<String>> book(@RequestHeader(AGENCY) String agencyId, @PathVariable UUID id,
            @RequestHeader(name = GROUP_TOURS, required = false) String groupTours,
            @Parameter(description = "a unique key per booking attempt")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        var request = new IdempotentRequests.Request(agencyId, IdempotentRequests.requireKey(key),
                "POST /api/itineraries/" + id + "/book", Map.of("itineraryId", id));
        return idempotency.execute(request, () -> booking.book(id, ItinerariesController.agency(agencyId, groupTours))
                        .switchIfEmpty(notFound(id))
                        .map(outcome -> accepted(outcome, "booked"))
                        .flatMap(itinerary -> view(itinerary, acceptLanguage))
                        .map(view -> idempotency.respond(HttpStatus.ACCEPTED, view, "/api/itineraries/" + id)))
                .map(StoredResponse::toResponseEntity);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a CONFIRMED itinerary: its seats are released (409 otherwise)")
    Mono<ItineraryView> cancel(@RequestHeader(AGENCY) String agencyId, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return booking.cancel(id, agencyId)
                .switchIfEmpty(notFound(id))
                .map(outcome -> accepted(outcome, "cancelled"))
                .flatMap(itinerary -> view(itinerary, acceptLanguage));
    }

    @PostMapping("/{id}/disruptions/{disruptionId}/accept")
    @Operation(summary = "Take one of a disruption's alternatives", description = """
            A draft, or an alternative that moves no seats, is re-planned at once (the disruption RESOLVED); a \
            confirmed trip on another flight is re-booked: the new seats are held and sold before the old ones are \
            released, then the trip is re-planned. If the new seats cannot be had, the trip keeps its old seats and \
            the disruption stays OPEN with the reason (`failure`) while new alternatives are worked out. Needs an \
            `Idempotency-Key`.""")
    Mono<ResponseEntity<String>> accept(@RequestHeader(AGENCY) String agencyId, @PathVariable UUID id,
            @PathVariable UUID disruptionId, @RequestBody(required = false) AcceptAlternative body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        if (body == null || body.alternativeId() == null) {
            throw ProblemException.invalid("alternativeId", "is required");
        }
        String path = "/api/itineraries/" + id + "/disruptions/" + disruptionId;
        var request = new IdempotentRequests.Request(agencyId, IdempotentRequests.requireKey(key),
                "POST " + path + "/accept", body);
        return idempotency.execute(request, () -> replanning.accept(id, agencyId, disruptionId, body.alternativeId())
                        .switchIfEmpty(notFound(id))
                        .map(BookingController::replanned)
                        .flatMap(itinerary -> view(itinerary, acceptLanguage))
                        .map(view -> idempotency.respond(HttpStatus.ACCEPTED, view, "/api/itineraries/" + id)))
                .map(StoredResponse::toResponseEntity);
    }

    @PostMapping("/{id}/disruptions/{disruptionId}/dismiss")
    @Operation(summary = "Keep the trip as it is: the disruption is DISMISSED (dismissing again answers the same)")
    Mono<ItineraryView> dismiss(@RequestHeader(AGENCY) String agencyId, @PathVariable UUID id,
            @PathVariable UUID disruptionId,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return replanning.dismiss(id, agencyId, disruptionId)
                .switchIfEmpty(notFound(id))
                .map(BookingController::replanned)
                .flatMap(itinerary -> view(itinerary, acceptLanguage));
    }

    @GetMapping("/{id}/booking")
    @Operation(summary = "The booking saga of an itinerary: its steps and its log, for support")
    Mono<Map<String, Object>> bookingLog(@RequestHeader(AGENCY) String agencyId, @PathVariable UUID id) {
        return itineraries.findOwned(id, agencyId).switchIfEmpty(notFound(id))
                .flatMap(itinerary -> booking.saga(id)
                        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("itinerary " + id
                                + " has not been booked")))
                        .zipWith(booking.logOf(id).collectList())
                        .map(found -> Map.of("phase", found.getT1().phase(), "steps", found.getT1().steps(),
                                "refusals", itinerary.rejections(), "log", found.getT2())));
    }

    private Mono<ItineraryView> view(Itinerary itinerary, String acceptLanguage) {
        return views.of(itinerary, acceptLanguage);
    }

    private static Itinerary accepted(BookingItineraries.Outcome outcome, String what) {
        if (outcome instanceof BookingItineraries.WrongStatus wrong) {
            throw ItinerariesController.notDraft(wrong.status(), what);
        }
        return ((BookingItineraries.Accepted) outcome).itinerary();
    }

    private static Itinerary replanned(ReplanningTrips.Outcome outcome) {
        if (outcome instanceof ReplanningTrips.Refused refused) {
            throw switch (refused.code()) {
                case "disruption-not-found", "alternative-not-found" -> ProblemException.notFound(refused.detail());
                case "disruption-closed" -> ProblemException.conflict(refused.code(), "Disruption already settled",
                        refused.detail());
                case "rebooking-under-way" -> ProblemException.conflict(refused.code(), "Re-booking under way",
                        refused.detail());
                case "booking-under-way" -> ProblemException.conflict(refused.code(), "Booking under way",
                        refused.detail());
                default -> ProblemException.conflict(refused.code(), "Itinerary ended", refused.detail());
            };
        }
        return ((ReplanningTrips.Replanning) outcome).itinerary();
    }

    private static <T> Mono<T> notFound(UUID id) {
        return Mono.error(() -> ProblemException.notFound("no itinerary " + id));
    }
}
