package travel.amur.visa.policy.model;

/** Why someone travels; policies cover some purposes and not others. */
public enum Purpose {
    TOURISM, BUSINESS, FAMILY, EXCHANGE, EVENTS, TRANSIT, WORK, STUDY, JOURNALISM, RESIDENCE
}
