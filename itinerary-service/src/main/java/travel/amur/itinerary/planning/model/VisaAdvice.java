package travel.amur.itinerary.planning.model;

import java.util.List;

/** What the visa service said of one traveller's trip. */
public record VisaAdvice(String travellerId, boolean eligible, String policyId, Integer maxStayDays, Integer stayDays,
        List<Reason> reasons) {

    /** A reason code and its sentence. */
    public record Reason(String code, String message) {
    }

    public VisaAdvice {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
