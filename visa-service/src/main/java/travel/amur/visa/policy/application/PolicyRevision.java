package travel.amur.visa.policy.application;

import java.time.Instant;

/** One change to a policy: who made it, when, and the document before and after. */
public record PolicyRevision(String policyId, int version, Change change, Instant changedAt, String changedBy,
        PolicyDocument before, PolicyDocument after) {

    /** What kind of change. */
    public enum Change { CREATED, UPDATED, RETIRED }
}
