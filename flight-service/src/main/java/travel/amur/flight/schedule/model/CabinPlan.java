package travel.amur.flight.schedule.model;

/** Seats and fare of one cabin on a schedule. */
public record CabinPlan(Cabin cabin, int seats, Fare fare) {

    public CabinPlan {
        if (seats <= 0) {
            throw new IllegalArgumentException("a cabin needs seats");
        }
    }
}
