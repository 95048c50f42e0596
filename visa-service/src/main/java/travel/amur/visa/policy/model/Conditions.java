package travel.amur.visa.policy.model;

import java.util.List;
import java.util.Map;

/**
 * What a policy asks of a traveller beyond nationality, dates and purpose.
 *
 * @param passportValidityMonthsBeyondExit how long the passport must stay valid after the planned exit, if at all
 * @param onwardTicketToThirdCountry transit: the traveller must leave for a country other than the one they came from
 * @param permittedArea where the traveller may go, in words
 * @param minGroupSize group travel: the smallest group
 * @param maxGroupSize group travel: the largest group
 * @param authorisedAgencyOnly group travel: only through agencies on the lists the two countries exchange
 * @param documents what to carry
 * @param registration the visitor's duty to register after arrival, by destination country (where the law says who
 *         registers whom, and by when)
 */
public record Conditions(Integer passportValidityMonthsBeyondExit, Boolean onwardTicketToThirdCountry,
        String permittedArea, Integer minGroupSize, Integer maxGroupSize, Boolean authorisedAgencyOnly,
        List<String> documents, Map<String, String> registration) {

    public Conditions {
        onwardTicketToThirdCountry = Boolean.TRUE.equals(onwardTicketToThirdCountry);
        authorisedAgencyOnly = Boolean.TRUE.equals(authorisedAgencyOnly);
        documents = documents == null ? List.of() : List.copyOf(documents);
        registration = registration == null ? Map.of() : Map.copyOf(registration);
    }
}
