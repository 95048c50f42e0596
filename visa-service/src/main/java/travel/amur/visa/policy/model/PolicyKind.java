package travel.amur.visa.policy.model;

/** What a policy grants. Only the first three let a traveller in without a visa. */
public enum PolicyKind {
    VISA_FREE, VISA_FREE_TRANSIT, GROUP_VISA_FREE, E_VISA;

    public boolean visaFree() {
        return this != E_VISA;
    }

    /** Which policy to name when several let a traveller in: the plain regime before transit before group. */
    public int preference() {
        return ordinal();
    }
}
