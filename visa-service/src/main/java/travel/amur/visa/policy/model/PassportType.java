package travel.amur.visa.policy.model;

/** The kinds of passport policies distinguish. */
public enum PassportType { ORDINARY, SERVICE, DIPLOMATIC }
