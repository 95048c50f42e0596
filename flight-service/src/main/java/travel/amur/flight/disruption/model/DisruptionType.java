package travel.amur.flight.disruption.model;

/** What befell a flight: it will not fly, it flies at other times, or it flies after all (a cancellation revoked). */
public enum DisruptionType {
    CANCELLED, RETIMED, REINSTATED
}
