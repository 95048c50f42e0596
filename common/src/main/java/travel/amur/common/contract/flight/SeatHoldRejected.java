package travel.amur.common.contract.flight;

import java.util.UUID;
import travel.amur.common.event.EventType;

/** A hold could not be made; nothing is held. */
@EventType("travel.amur.flight.SeatHoldRejected.v1")
public record SeatHoldRejected(UUID holdId, UUID bookingId, UUID flightId, Reason reason, String detail) {

    /** Why a hold was refused. */
    public enum Reason { SOLD_OUT, NOT_FOUND, DEPARTED, RELEASED, CANCELLED }
}
