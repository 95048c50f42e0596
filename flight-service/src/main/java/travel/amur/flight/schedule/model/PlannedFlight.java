package travel.amur.flight.schedule.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One dated flight of a schedule, with its times as instants. Its id is derived from the flight number and date,
 * so generating the same flight twice yields the same flight.
 */
public record PlannedFlight(UUID id, String flightNumber, String carrier, String origin, String destination,
        LocalDate departureDate, Instant departsAt, Instant arrivesAt, String aircraft, List<CabinPlan> cabins) {

    public static UUID idOf(String flightNumber, LocalDate departureDate) {
        return UUID.nameUUIDFromBytes(("amur-flight:" + flightNumber + ":" + departureDate)
                .getBytes(StandardCharsets.UTF_8));
    }
}
