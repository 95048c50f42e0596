package travel.amur.itinerary.planning.model;

import java.util.List;

/**
 * What the visa service said of one traveller's trip, with the other ways in it named when the answer is no.
 *
 * @param alternatives e-visa, transit, group tour ...: kept to the itinerary's warning, for the agent to act on
 */
public record VisaAdvice(String travellerId, boolean eligible, String policyId, Integer maxStayDays, Integer stayDays,
        List<Reason> reasons, List<Alternative> alternatives) {

    /** A reason code and its sentence. */
    public record Reason(String code, String message) {
    }

    /** Another way in: the policy and what it takes. */
    public record Alternative(String policyId, String title, String kind, String summary) {
    }

    public VisaAdvice {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }
}
