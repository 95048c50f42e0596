package travel.amur.flight.hold.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import travel.amur.flight.schedule.model.Cabin;
import travel.amur.flight.schedule.model.Currency;

/**
 * A request for seats: a flight from a search, and the passengers as a count or by name. {@code passengerNames} is
 * the typed way to name them; a list of names in {@code passengers} is still read, as the first clients sent it.
 */
record PlaceHoldRequest(
        @NotNull @Schema(description = "a flightId from a search offer") UUID flightId,
        @Schema(description = "ECONOMY (default) or BUSINESS") Cabin cabin,
        @Schema(description = "how many seats (1-50)", example = "2", type = "integer") JsonNode passengers,
        @Schema(description = "the passengers' names, one seat each (1-50)") List<String> passengerNames,
        @Schema(description = "RUB or CNY; default: the currency of the departure country") Currency currency) {
}
