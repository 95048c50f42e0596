package travel.amur.visa.eligibility.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import travel.amur.visa.policy.model.PassportType;
import travel.amur.visa.policy.model.Purpose;

/** One traveller's question: may they enter {@code destination} without a visa for this trip? */
record EligibilityRequest(
        @NotBlank @Schema(example = "RU", description = "ISO 3166 alpha-2") String nationality,
        @NotBlank @Schema(example = "CN", description = "ISO 3166 alpha-2") String destination,
        @NotNull PassportType passportType,
        @NotNull Purpose purpose,
        @NotNull @Schema(example = "2027-01-06") LocalDate entryDate,
        @NotNull @Schema(example = "2027-01-09") LocalDate exitDate,
        @Schema(example = "2031-05-20") LocalDate passportExpiry,
        @Schema(description = "where the traveller flies on to after the stay (transit)", example = "JP")
        String onwardCountry,
        @Schema(description = "where the traveller comes from, if not their own country") String departureCountry,
        @Schema(example = "HRB") String portOfEntry,
        @Min(1) @Max(500) Integer groupSize) {
}
