package travel.amur.gateway.ratelimit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import travel.amur.gateway.GatewaySettings;

/**
 * The budgets in Redis, one bucket per caller shared by every gateway replica, taken in small leases: a replica
 * that spends a caller's tokens quickly leases several at once (doubling up to {@code max-lease}, at most a tenth
 * of the bucket) and spends them without asking Redis again, so a busy agency costs one script call per lease,
 * not per request. A lease lapses after {@code lease-time}; what is left of it goes back to the bucket with the
 * replica's next call. The shared count is exact: no replica spends a token the bucket did not lease it. What a
 * replica holds unspent, another cannot spend until it lapses: one lease, or one per request of a burst that found
 * the lease empty together. A slow caller's lease is one token: exactly one call per request, as before.
 */
class LeasedRedisRateLimits implements RateLimits {

    // Past this, the request goes through unlimited (RateLimitFilter): Redis answers in a millisecond when well.
    private static final Duration PATIENCE = Duration.ofMillis(500);
    private static final int MAX_CALLERS = 100_000;

    private final ReactiveStringRedisTemplate redis;
    private final RedisScript<List> lease;
    private final GatewaySettings.RateLimit settings;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Lease> leases = new ConcurrentHashMap<>();

    LeasedRedisRateLimits(ReactiveStringRedisTemplate redis, RedisScript<List> lease, GatewaySettings.RateLimit settings,
            LongSupplier nanoTime) {
        this.redis = redis;
        this.lease = lease;
        this.settings = settings;
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Decision> take(Kind kind, String key) {
        GatewaySettings.Bucket bucket = kind.bucket(settings, key);
        if (leases.size() > MAX_CALLERS) {
            leases.clear();
        }
        String id = kind.caller(key);
        Lease held = leases.computeIfAbsent(id, ignored -> new Lease());
        Decision spent = held.spend(bucket, nanoTime.getAsLong());
        if (spent != null) {
            return Mono.just(spent);
        }
        Lease.Renewal renewal = held.renew(maxLease(bucket), nanoTime.getAsLong());
        double perSecond = (double) bucket.replenishRate() / bucket.period().toSeconds();
        return redis.execute(lease, List.of("amur.rate-limit.{" + id + "}"), List.of(String.valueOf(perSecond),
                        String.valueOf(bucket.burstCapacity()), String.valueOf(renewal.size()),
                        String.valueOf(renewal.returned())))
                .next()
                .timeout(PATIENCE)
                // The renewal ends when its answer is taken, before the request goes on (a completion seen later
                // would let the caller's next request find it still under way); or on an error or a cancel.
                .doOnError(e -> held.notReturned(renewal))
                .doOnCancel(() -> held.renewed(renewal))
                .map(answer -> held.leased(renewal, Integer.parseInt(String.valueOf(answer.get(0))),
                        Double.parseDouble(String.valueOf(answer.get(1))), bucket, nanoTime.getAsLong(),
                        settings.leaseTime()));
    }

    /** The lease script, read once: a script resource would be read again (blocking) on each call. */
    static RedisScript<List> script() throws IOException {
        return RedisScript.of(new ClassPathResource("scripts/rate-limit-lease.lua")
                .getContentAsString(StandardCharsets.UTF_8), List.class);
    }

    private int maxLease(GatewaySettings.Bucket bucket) {
        return Math.max(1, Math.min(settings.maxLease(), bucket.burstCapacity() / 10));
    }

    /** The tokens of one caller this replica leased and has not spent yet. */
    private static final class Lease {

        /** What to ask the bucket for: a lease of {@code size}, and {@code returned} tokens given back. */
        record Renewal(int size, int returned, AtomicBoolean ended) {

            Renewal(int size, int returned) {
                this(size, returned, new AtomicBoolean());
            }
        }

        private int left;
        private long lapsesAt;
        private int size;
        private double bucketLeft;
        private int renewing;

        synchronized Decision spend(GatewaySettings.Bucket bucket, long now) {
            if (left == 0 || now - lapsesAt >= 0) {
                return null;
            }
            left--;
            return Decision.of(true, bucketLeft + left, bucket);
        }

        /**
         * All spent before it lapsed: the caller is busy, the next lease is twice as large; otherwise half as large
         * (a caller slower than one request per lease time leases one token each time). Renewals beside one under
         * way ask for the same size without growing it, so a burst of requests does not double it each.
         */
        synchronized Renewal renew(int max, long now) {
            int returned = left;
            left = 0;
            if (renewing++ > 0) {
                return new Renewal(Math.max(1, size), returned);
            }
            boolean busy = returned == 0 && now - lapsesAt < 0;
            size = Math.min(max, busy ? Math.max(1, size * 2) : Math.max(1, size / 2));
            return new Renewal(size, returned);
        }

        /** A renewal is over, once whichever of answer, error and cancel comes first. */
        synchronized void renewed(Renewal renewal) {
            if (renewal.ended().compareAndSet(false, true)) {
                renewing--;
            }
        }

        /** The bucket could not be reached: the tokens meant to go back are this replica's again, lapsed. */
        synchronized void notReturned(Renewal renewal) {
            renewed(renewal);
            left += renewal.returned();
        }

        /** The bucket's answer; a request that got none is still served from what a renewal beside it brought. */
        synchronized Decision leased(Renewal renewal, int tokens, double bucketLeft, GatewaySettings.Bucket bucket,
                long now, Duration leaseTime) {
            renewed(renewal);
            this.bucketLeft = bucketLeft;
            if (tokens > 0) {
                left += tokens - 1;
                lapsesAt = now + leaseTime.toNanos();
                return Decision.of(true, bucketLeft + left, bucket);
            }
            if (left > 0 && now - lapsesAt < 0) {
                left--;
                return Decision.of(true, bucketLeft + left, bucket);
            }
            return Decision.of(false, bucketLeft + left, bucket);
        }
    }
}
