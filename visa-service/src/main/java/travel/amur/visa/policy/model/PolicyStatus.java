package travel.amur.visa.policy.model;

/** Whether a policy is applied. A retired policy is kept for the record and never applied. */
public enum PolicyStatus { ACTIVE, RETIRED }
