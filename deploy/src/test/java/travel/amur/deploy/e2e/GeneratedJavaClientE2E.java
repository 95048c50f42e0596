package travel.amur.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import travel.amur.client.ApiClient;
import travel.amur.client.ApiException;
import travel.amur.client.api.EntryApi;
import travel.amur.client.api.FlightsApi;
import travel.amur.client.api.HoldsApi;
import travel.amur.client.api.ItinerariesApi;
import travel.amur.client.model.EligibilityAnswer;
import travel.amur.client.model.EligibilityQuestion;
import travel.amur.client.model.Hold;
import travel.amur.client.model.HoldStatus;
import travel.amur.client.model.Itinerary;
import travel.amur.client.model.ItineraryInput;
import travel.amur.client.model.ItineraryStatus;
import travel.amur.client.model.Offer;
import travel.amur.client.model.PackageInput;
import travel.amur.client.model.PassportType;
import travel.amur.client.model.PlaceHold;
import travel.amur.client.model.Purpose;
import travel.amur.client.model.StatusEvent;
import travel.amur.client.model.TravellerInput;
import travel.amur.deploy.bench.AmurClient;

/**
 * An agency's back end as the contract promises it: only the Java client generated from the API document
 * (module clients), against the gateway of a running local stack. It searches, holds and releases seats, asks about
 * visa-free entry, drafts a group tour, books it, follows the booking on its event stream until it has its outcome,
 * and cancels it. Every answer is read through the generated models, so an answer the document does not describe
 * fails here.
 *
 * <p>Run: {@code ./mvnw -B -Pe2e -pl deploy -am verify}.
 */
class GeneratedJavaClientE2E {

    static String gateway;
    static String key;
    static ApiClient client;

    @BeforeAll
    static void client() {
        gateway = System.getProperty("amur.gateway", "http://127.0.0.1:8080");
        Properties keys = AmurClient.demoKeys(Path.of(System.getProperty("amur.demo-keys", "local/demo-keys.env")));
        // Taiga Travel is authorised for group tours on the local stack.
        key = keys.getProperty("AMUR_DEMO_KEY_TAIGA");
        client = new ApiClient();
        client.updateBaseUri(gateway);
        client.setReadTimeout(Duration.ofSeconds(20));
        client.setRequestInterceptor(request -> request.header("X-API-Key", key));
    }

    @Test
    void an_agency_books_a_group_tour_cancels_it_and_discards_a_quote_with_nothing_but_the_generated_client() throws Exception {
        FlightsApi flights = new FlightsApi(client);
        HoldsApi holds = new HoldsApi(client);
        EntryApi entry = new EntryApi(client);
        ItinerariesApi itineraries = new ItinerariesApi(client);

        // HZ4698 and HZ4699 fly Wednesdays and Saturdays: the first Wednesday over a week away with both.
        LocalDate wednesday = LocalDate.now().plusDays(8);
        while (wednesday.getDayOfWeek() != DayOfWeek.WEDNESDAY) {
            wednesday = wednesday.plusDays(1);
        }
        LocalDate saturday = wednesday.plusDays(3);
        Offer out = flights.searchFlights("UUS", "HRB", wednesday, 5, null, null, 0).getOffers().get(0);
        Offer back = flights.searchFlights("HRB", "UUS", saturday, 5, null, null, 0).getOffers().get(0);
        assertThat(out.getPrice().getTotal().getAmount()).isPositive();

        Hold hold = holds.placeHold(UUID.randomUUID().toString(),
                new PlaceHold().flightId(out.getFlightId()).passengerNames(List.of("Ivan Smirnov", "Anna Smirnova")));
        assertThat(hold.getStatus()).isEqualTo(HoldStatus.HELD);
        assertThat(hold.getSeats()).isEqualTo(2);
        assertThat(holds.releaseHold(hold.getHoldId()).getStatus()).isEqualTo(HoldStatus.RELEASED);

        EligibilityAnswer answer = entry.checkEligibility(new EligibilityQuestion().nationality("RU")
                .destination("CN").passportType(PassportType.ORDINARY).purpose(Purpose.TOURISM)
                .entryDate(wednesday).exitDate(saturday).passportExpiry(LocalDate.of(2031, 1, 1)));
        assertThat(answer.getEligible() || !answer.getReasons().isEmpty()).as("eligible, or told why not").isTrue();

        Itinerary draft = itineraries.createItinerary(new ItineraryInput().groupTour(true).destination("CN")
                .purpose(Purpose.TOURISM).outboundFlightId(out.getFlightId()).returnFlightId(back.getFlightId())
                ._package(new PackageInput().packageId("harbin-ice-festival-4d").startDate(wednesday))
                .travellers(group(5)), "en");
        assertThat(draft.getStatus()).isEqualTo(ItineraryStatus.DRAFT);

        Itinerary pending = itineraries.bookItinerary(UUID.randomUUID().toString(), draft.getId(), null);
        assertThat(pending.getStatus()).isEqualTo(ItineraryStatus.PENDING);
        List<StatusEvent> seen = watch(draft.getId());
        ItineraryStatus outcome = seen.get(seen.size() - 1).getStatus();
        assertThat(outcome).as("the booking's outcome, after which the stream ended")
                .isIn(ItineraryStatus.CONFIRMED, ItineraryStatus.REJECTED);
        assertThat(outcome).as("a group of five from an authorised agency: " + seen.get(seen.size() - 1))
                .isEqualTo(ItineraryStatus.CONFIRMED);

        assertThat(itineraries.cancelItinerary(draft.getId(), null).getStatus()).isEqualTo(ItineraryStatus.CANCELLED);
        assertThat(itineraries.cancelItinerary(draft.getId(), null).getStatus()).as("cancelling again, the same")
                .isEqualTo(ItineraryStatus.CANCELLED);
        assertThatThrownBy(() -> itineraries.bookItinerary(UUID.randomUUID().toString(), draft.getId(), null))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(409);
                    assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValue(
                            "application/problem+json");
                });
        assertThatThrownBy(() -> itineraries.discardItinerary(draft.getId(), null)).as("a booking is not discarded")
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(409));

        Itinerary quote = itineraries.createItinerary(new ItineraryInput().destination("CN").purpose(Purpose.TOURISM)
                .outboundFlightId(out.getFlightId()).returnFlightId(back.getFlightId())
                ._package(new PackageInput().packageId("harbin-ice-festival-4d").startDate(wednesday))
                .travellers(group(1)), "en");
        assertThat(itineraries.discardItineraryWithHttpInfo(quote.getId(), null).getStatusCode()).isEqualTo(204);
        assertThatThrownBy(() -> itineraries.getItinerary(quote.getId(), null, null)).as("the quote is gone")
                .isInstanceOfSatisfying(ApiException.class, gone -> assertThat(gone.getCode()).isEqualTo(404));
    }

    /** Reads the itinerary's event stream, each event's data as the generated StatusEvent, until the stream ends. */
    private static List<StatusEvent> watch(UUID itineraryId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/itineraries/" + itineraryId + "/events"))
                .header("X-API-Key", key).header("Accept", "text/event-stream").timeout(Duration.ofMinutes(3)).build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<StatusEvent> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("data:")) {
                    events.add(client.getObjectMapper().readValue(line.substring(5), StatusEvent.class));
                }
            }
        }
        assertThat(events).as("the stream sent the current status and each change, then ended").isNotEmpty();
        return events;
    }

    private static List<TravellerInput> group(int size) {
        List<TravellerInput> travellers = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            travellers.add(new TravellerInput().firstName("Traveller" + i).lastName("Kuznetsov").nationality("RU")
                    .passportType(PassportType.ORDINARY).passportNumber("7512340" + (10 + i))
                    .passportExpiry(LocalDate.of(2031, 1, 1)).birthDate(LocalDate.of(1980, 4, i)));
        }
        return travellers;
    }
}
