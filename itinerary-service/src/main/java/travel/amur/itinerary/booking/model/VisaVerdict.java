package travel.amur.itinerary.booking.model;

import java.util.List;

/** One traveller's visa answer, with the name to show when it is a no. */
public record VisaVerdict(String travellerName, boolean eligible, String policyId, List<String> reasons) {
}
