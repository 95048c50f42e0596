package travel.amur.gateway.ratelimit;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import reactor.core.publisher.Mono;
import travel.amur.gateway.GatewaySettings;

/**
 * Token buckets in this gateway's memory, for running without Redis: each replica has its own budget, so with N
 * replicas a caller gets up to N times the limit. Buckets of idle callers are dropped when the map grows large.
 */
class InMemoryRateLimits implements RateLimits {

    private static final int MAX_BUCKETS = 100_000;

    private final GatewaySettings.RateLimit settings;
    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    InMemoryRateLimits(GatewaySettings.RateLimit settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Mono<Decision> take(Kind kind, String key) {
        GatewaySettings.Bucket limits = kind.bucket(settings, key);
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(kind.caller(key), k -> new Bucket(limits.burstCapacity(), now()));
        return Mono.just(bucket.take(limits, now()));
    }

    private long now() {
        return clock.millis();
    }

    /** One caller's tokens; refilled lazily on each take. */
    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized Decision take(GatewaySettings.Bucket limits, long now) {
            tokens = Math.min(limits.burstCapacity(), tokens
                    + (now - refilledAt) / 1000.0 * limits.replenishRate() / limits.period().toSeconds());
            refilledAt = now;
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            return Decision.of(allowed, tokens, limits);
        }
    }
}
