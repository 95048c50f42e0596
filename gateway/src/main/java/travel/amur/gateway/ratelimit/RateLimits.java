package travel.amur.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Token buckets per caller: one per agency, one per address for anonymous callers. */
public interface RateLimits {

    /** Takes a token from {@code key}'s bucket of the given kind, if there is one. */
    Mono<Decision> take(Kind kind, String key);

    /** Which budget applies. */
    enum Kind { AGENCY, ANONYMOUS }

    /** Whether the request may go on, and what is left. */
    record Decision(boolean allowed, long remaining, int replenishRate, int burstCapacity) {
    }
}
