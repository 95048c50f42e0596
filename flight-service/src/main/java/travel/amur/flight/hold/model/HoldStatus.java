package travel.amur.flight.hold.model;

/** The states of a hold, as stored and shown. */
public enum HoldStatus { HELD, CONFIRMED, RELEASED, EXPIRED, REJECTED }
