package travel.amur.visa.eligibility.model;

/** Why a policy does not let a traveller in. */
public enum ReasonCode {
    NO_POLICY,
    OUTSIDE_POLICY_WINDOW,
    STAY_TOO_LONG,
    PURPOSE_NOT_COVERED,
    PASSPORT_TYPE_NOT_COVERED,
    PASSPORT_VALIDITY,
    ONWARD_TRAVEL_REQUIRED,
    NOT_A_THIRD_COUNTRY,
    GROUP_SIZE
}
