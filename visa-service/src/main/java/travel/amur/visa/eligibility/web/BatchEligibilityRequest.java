package travel.amur.visa.eligibility.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import travel.amur.visa.policy.model.PassportType;
import travel.amur.visa.policy.model.Purpose;

/** A group's question: the shared trip, and each traveller's nationality and passport. */
record BatchEligibilityRequest(
        @NotBlank String destination,
        @NotNull Purpose purpose,
        @NotNull LocalDate entryDate,
        @NotNull LocalDate exitDate,
        String onwardCountry,
        String departureCountry,
        String portOfEntry,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Traveller> travellers) {

    /** One member of the group. */
    record Traveller(String travellerId, @NotBlank String nationality, @NotNull PassportType passportType,
            LocalDate passportExpiry) {
    }
}
