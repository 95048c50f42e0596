package travel.amur.flight.schedule.model;

import java.time.ZoneId;
import java.util.Objects;

/** An airport by IATA code, with the time zone its local times are in. */
public record Airport(String code, String name, String city, String country, ZoneId zone) {

    public Airport {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(zone, "zone");
    }
}
