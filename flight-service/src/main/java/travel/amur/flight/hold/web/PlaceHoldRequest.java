package travel.amur.flight.hold.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import travel.amur.flight.schedule.model.Cabin;
import travel.amur.flight.schedule.model.Currency;

/**
 * A request for seats: a flight from a search, and the passengers as a count or as a list of names.
 */
record PlaceHoldRequest(
        @NotNull @Schema(description = "a flightId from a search offer") UUID flightId,
        @Schema(description = "ECONOMY (default) or BUSINESS") Cabin cabin,
        @NotNull @Schema(description = "a count (1-50) or a list of 1 to 50 names", example = "2",
                oneOf = {Integer.class, String[].class}) JsonNode passengers,
        @Schema(description = "RUB or CNY; default: the currency of the departure country") Currency currency) {
}
