package travel.amur.flight.disruption.model;

/** What befell a flight: it will not fly, or it flies at other times. */
public enum DisruptionType {
    CANCELLED, RETIMED
}
