package travel.amur.itinerary.booking.model;

import java.util.List;
import java.util.Set;

/** One traveller's visa answer, with the name to show when it is a no, and the codes of its reasons. */
public record VisaVerdict(String travellerName, boolean eligible, String policyId, List<String> reasons) {

    /** Reasons that belong to a group, not to its member: the group's size, its agency. */
    public static final Set<String> GROUP_LEVEL = Set.of("GROUP_SIZE", "AGENCY_NOT_AUTHORISED");
}
