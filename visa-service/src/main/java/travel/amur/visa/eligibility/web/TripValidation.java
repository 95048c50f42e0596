package travel.amur.visa.eligibility.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import travel.amur.common.web.InvalidField;
import travel.amur.common.web.ProblemException;

/** Input checks the annotations cannot make: real country codes and sensible dates. */
@Component
class TripValidation {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_YEARS_AHEAD = 2;
    private static final int MAX_STAY_DAYS = 366;

    private final Clock clock;

    TripValidation(Clock clock) {
        this.clock = clock;
    }

    /** Collects the problems of a request's fields. */
    final class Problems {

        private final List<InvalidField> fields = new ArrayList<>();

        Problems country(String field, String code, boolean required) {
            if (code == null || code.isBlank()) {
                if (required) {
                    fields.add(new InvalidField(field, "is required"));
                }
            } else if (!COUNTRIES.contains(code)) {
                fields.add(new InvalidField(field, "'" + code + "' is not an ISO 3166 alpha-2 country code"));
            }
            return this;
        }

        Problems dates(LocalDate entry, LocalDate exit) {
            LocalDate today = LocalDate.now(clock);
            if (entry.isBefore(today.minusYears(1)) || entry.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
                fields.add(new InvalidField("entryDate", "must be within a year ago and " + MAX_YEARS_AHEAD
                        + " years ahead"));
            }
            if (exit.isBefore(entry)) {
                fields.add(new InvalidField("exitDate", "must not be before entryDate"));
            } else if (ChronoUnit.DAYS.between(entry, exit) > MAX_STAY_DAYS) {
                fields.add(new InvalidField("exitDate", "a stay of more than " + MAX_STAY_DAYS + " days is not a trip"));
            }
            return this;
        }

        void orFail() {
            if (!fields.isEmpty()) {
                throw ProblemException.invalid(fields);
            }
        }
    }

    Problems check() {
        return new Problems();
    }
}
