package travel.amur.visa.eligibility.model;

/** Why a policy does not let a traveller in. */
public enum ReasonCode {
    /** Amur holds no entry policy for this trip: the answer is unknown here, not "a visa is needed". */
    NO_POLICY,
    OUTSIDE_POLICY_WINDOW,
    STAY_TOO_LONG,
    PURPOSE_NOT_COVERED,
    PASSPORT_TYPE_NOT_COVERED,
    PASSPORT_VALIDITY,
    ONWARD_TRAVEL_REQUIRED,
    NOT_A_THIRD_COUNTRY,
    GROUP_SIZE,
    /** Group travel under the agreement needs an agency on the lists the two countries exchange. */
    AGENCY_NOT_AUTHORISED
}
