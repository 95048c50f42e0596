package travel.amur.flight.schedule.model;

/** A cabin of an aircraft; each has its own seats and fares. */
public enum Cabin { ECONOMY, BUSINESS }
