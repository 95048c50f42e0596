package travel.amur.visa.eligibility.model;

/** A reason code with a sentence for the agent. */
public record Reason(ReasonCode code, String message) {
}
