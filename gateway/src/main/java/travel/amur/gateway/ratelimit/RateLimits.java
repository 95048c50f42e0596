package travel.amur.gateway.ratelimit;

import reactor.core.publisher.Mono;
import travel.amur.gateway.GatewaySettings;

/** Token buckets per caller: one per agency, one per address for anonymous callers. */
public interface RateLimits {

    /** Takes a token from {@code key}'s bucket of the given kind, if there is one. */
    Mono<Decision> take(Kind kind, String key);

    /** Which budget applies. */
    enum Kind {
        AGENCY, ANONYMOUS;

        /** The caller {@code key} of this kind, as its bucket is named (an agency and an address never meet). */
        String caller(String key) {
            return (this == AGENCY ? "agency:" : "address:") + key;
        }

        /** The bucket this kind of caller {@code key} spends from. */
        GatewaySettings.Bucket bucket(GatewaySettings.RateLimit settings, String key) {
            return this == AGENCY ? settings.forAgency(key) : settings.anonymous();
        }
    }

    /**
     * Whether the request may go on, and the bucket after it.
     *
     * @param remaining whole tokens left: requests that may follow at once
     * @param retryAfterSeconds when refused, whole seconds until the next token (at least 1)
     * @param fullInSeconds whole seconds until the bucket is full again
     */
    record Decision(boolean allowed, long remaining, long retryAfterSeconds, long fullInSeconds,
            GatewaySettings.Bucket bucket) {

        /** The decision on a bucket holding {@code tokens} after this request took its token, if it could. */
        static Decision of(boolean allowed, double tokens, GatewaySettings.Bucket bucket) {
            return new Decision(allowed, (long) Math.floor(tokens),
                    allowed ? 0 : Math.max(1, bucket.secondsFor(1 - tokens)),
                    bucket.secondsFor(bucket.burstCapacity() - tokens), bucket);
        }
    }
}
