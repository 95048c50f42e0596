package travel.amur.visa.policy.model;

import java.util.List;

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
 */
public record Conditions(Integer passportValidityMonthsBeyondExit, Boolean onwardTicketToThirdCountry,
        String permittedArea, Integer minGroupSize, Integer maxGroupSize, Boolean authorisedAgencyOnly,
        List<String> documents) {

    public Conditions {
        onwardTicketToThirdCountry = Boolean.TRUE.equals(onwardTicketToThirdCountry);
        authorisedAgencyOnly = Boolean.TRUE.equals(authorisedAgencyOnly);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
