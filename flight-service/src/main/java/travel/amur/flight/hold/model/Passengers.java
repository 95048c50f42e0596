package travel.amur.flight.hold.model;

import java.util.List;

/** Who a hold is for: a number of seats, and the travellers' names where the agency gave them. */
public record Passengers(int count, List<String> names) {

    /** The largest party: a group tour under the China-Russia agreement is 5 to 50 travellers. */
    public static final int MAX = 50;

    public Passengers {
        names = names == null ? List.of() : List.copyOf(names);
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("a hold is for 1 to " + MAX + " passengers, not " + count);
        }
        if (!names.isEmpty() && names.size() != count) {
            throw new IllegalArgumentException("names must match the passenger count");
        }
    }

    public static Passengers count(int count) {
        return new Passengers(count, List.of());
    }

    public static Passengers named(List<String> names) {
        return new Passengers(names.size(), names);
    }
}
