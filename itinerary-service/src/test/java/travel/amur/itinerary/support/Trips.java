package travel.amur.itinerary.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import travel.amur.flight.schedule.model.PlannedFlight;

/** Itineraries the tests book: a Russian family from Yuzhno-Sakhalinsk to Harbin and back with Aurora. */
public final class Trips {

    private Trips() {
    }

    public static UUID flight(String number, String date) {
        return PlannedFlight.idOf(number, LocalDate.parse(date));
    }

    /** A traveller as JSON; {@code passportType} ORDINARY unless a test needs another. */
    public static Map<String, Object> traveller(String first, String last, String passportType) {
        return Map.of("firstName", first, "lastName", last, "nationality", "RU", "passportType", passportType,
                "passportNumber", "75" + Math.abs(first.hashCode() % 10_000_000), "passportExpiry", "2031-05-20",
                "birthDate", "1985-03-02");
    }

    /** A child travelling with the family, born on {@code birthDate}. */
    public static Map<String, Object> child(String first, String last, String birthDate) {
        return Map.of("firstName", first, "lastName", last, "nationality", "RU", "passportType", "ORDINARY",
                "passportNumber", "76" + Math.abs(first.hashCode() % 10_000_000), "passportExpiry", "2031-05-20",
                "birthDate", birthDate);
    }

    /** A traveller whose passport expires on {@code expiry}. */
    public static Map<String, Object> expiring(String first, String last, String expiry) {
        return Map.of("firstName", first, "lastName", last, "nationality", "RU", "passportType", "ORDINARY",
                "passportNumber", "77" + Math.abs(first.hashCode() % 10_000_000), "passportExpiry", expiry,
                "birthDate", "1985-03-02");
    }

    public static List<Map<String, Object>> family() {
        return List.of(traveller("Ivan", "Petrov", "ORDINARY"), traveller("Maria", "Petrova", "ORDINARY"),
                traveller("Alexei", "Petrov", "ORDINARY"));
    }

    /** The 4-day ice-festival package, out on {@code outDate} (a Wednesday or Saturday) and back on {@code backDate}. */
    public static Map<String, Object> iceFestival(String outDate, String backDate, List<Map<String, Object>> travellers) {
        return Map.of("destination", "CN", "purpose", "TOURISM", "travellers", travellers,
                "outboundFlightId", flight("HZ4698", outDate).toString(),
                "returnFlightId", flight("HZ4699", backDate).toString(),
                "package", Map.of("packageId", "harbin-ice-festival-4d", "startDate", outDate));
    }

    public static WebTestClient.ResponseSpec create(WebTestClient itineraries, String agency, Object body) {
        return itineraries.post().uri("/api/itineraries").header("X-Agency-Id", agency)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** As the gateway sends it for an agency authorised for group tours, or not. */
    public static WebTestClient.ResponseSpec create(WebTestClient itineraries, String agency, Object body,
            boolean groupToursAuthorised) {
        return itineraries.post().uri("/api/itineraries").header("X-Agency-Id", agency)
                .header("X-Agency-Group-Tours", String.valueOf(groupToursAuthorised))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public static WebTestClient.ResponseSpec book(WebTestClient itineraries, String agency, String id,
            boolean groupToursAuthorised) {
        return itineraries.post().uri("/api/itineraries/{id}/book", id).header("X-Agency-Id", agency)
                .header("X-Agency-Group-Tours", String.valueOf(groupToursAuthorised))
                .header("Idempotency-Key", UUID.randomUUID().toString()).exchange();
    }

    @SuppressWarnings("unchecked")
    public static String createdId(WebTestClient itineraries, String agency, Object body) {
        return (String) create(itineraries, agency, body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    public static WebTestClient.ResponseSpec book(WebTestClient itineraries, String agency, String id) {
        return itineraries.post().uri("/api/itineraries/{id}/book", id).header("X-Agency-Id", agency)
                .header("Idempotency-Key", UUID.randomUUID().toString()).exchange();
    }

    @SuppressWarnings("unchecked")
    public static String status(WebTestClient itineraries, String agency, String id) {
        return (String) itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", agency).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("status");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> itinerary(WebTestClient itineraries, String agency, String id) {
        return itineraries.get().uri("/api/itineraries/{id}", id).header("X-Agency-Id", agency).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The disruptions recorded on an itinerary of the agency. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> disruptions(WebTestClient itineraries, String agency, String id) {
        return (List<Map<String, Object>>) itinerary(itineraries, agency, id).get("disruptions");
    }

    /** What a disruption proposes instead. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> alternatives(Map<String, Object> disruption) {
        return (List<Map<String, Object>>) disruption.get("alternatives");
    }

    /** Free seats in economy on a flight, from the flight service. */
    @SuppressWarnings("unchecked")
    public static int seatsAvailable(WebTestClient flights, UUID flight) {
        Map<String, Object> view = flights.get().uri("/api/flights/{id}", flight).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) view.get("cabins")).stream()
                .filter(c -> "ECONOMY".equals(c.get("cabin"))).map(c -> (Integer) c.get("seatsAvailable"))
                .findFirst().orElseThrow();
    }

    public static List<Map<String, Object>> travellers(int count) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(traveller("Traveller" + i, "Test", "ORDINARY"));
        }
        return list;
    }
}
