package travel.amur.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;
import travel.amur.gateway.GatewaySettings;

/**
 * The budgets in Redis through Spring Cloud Gateway's {@link RedisRateLimiter}, so every gateway replica spends from
 * the same bucket. If Redis cannot be reached the limiter lets requests through rather than failing them. Its script
 * refills a whole number of tokens per second: a bucket with a longer period is kept in units of a second's refill
 * (a request costs {@code period} units), which keeps rates under one request a second exact.
 */
class RedisRateLimits implements RateLimits {

    private final RedisRateLimiter limiter;
    private final GatewaySettings.RateLimit settings;

    RedisRateLimits(RedisRateLimiter limiter, GatewaySettings.RateLimit settings) {
        this.limiter = limiter;
        this.settings = settings;
        limiter.getConfig().put(Kind.AGENCY.name(), config(settings.agency()));
        limiter.getConfig().put(Kind.ANONYMOUS.name(), config(settings.anonymous()));
        settings.overrides().forEach((agency, bucket) -> limiter.getConfig().put(overridden(agency), config(bucket)));
    }

    private static String overridden(String agency) {
        return Kind.AGENCY.name() + ":" + agency;
    }

    private static RedisRateLimiter.Config config(GatewaySettings.Bucket bucket) {
        int unitsPerToken = (int) bucket.period().toSeconds();
        return new RedisRateLimiter.Config().setReplenishRate(bucket.replenishRate())
                .setBurstCapacity(bucket.burstCapacity() * unitsPerToken).setRequestedTokens(unitsPerToken);
    }

    @Override
    public Mono<Decision> take(Kind kind, String key) {
        boolean own = kind == Kind.AGENCY && settings.overrides().containsKey(key);
        GatewaySettings.Bucket bucket = kind == Kind.AGENCY ? settings.forAgency(key) : settings.anonymous();
        return limiter.isAllowed(own ? overridden(key) : kind.name(), key).map(response -> {
            String remaining = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
            // -1: the script could not run and the limiter let the request through; report a full bucket.
            double units = remaining == null || Long.parseLong(remaining) < 0
                    ? (double) bucket.burstCapacity() * bucket.period().toSeconds() : Long.parseLong(remaining);
            return Decision.of(response.isAllowed(), units / bucket.period().toSeconds(), bucket);
        });
    }
}
