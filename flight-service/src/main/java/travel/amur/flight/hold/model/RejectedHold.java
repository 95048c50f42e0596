package travel.amur.flight.hold.model;

/** A hold the booking saga asked for and could not get; kept so a redelivered request gets the same answer. */
public record RejectedHold(HoldDetails details, Refusal refusal, String explanation) implements SeatHold {

    @Override
    public HoldStatus status() {
        return HoldStatus.REJECTED;
    }
}
