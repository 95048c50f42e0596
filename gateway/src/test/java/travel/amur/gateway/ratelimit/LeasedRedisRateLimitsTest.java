package travel.amur.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.test.util.TestSocketUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import travel.amur.gateway.GatewaySettings;
import travel.amur.gateway.support.RealRedis;

/** Two gateway replicas spending one agency's bucket in real Redis through leases. */
class LeasedRedisRateLimitsTest {

    static final LettuceConnectionFactory connection = RealRedis.connect();

    /** Counts the script calls: the round trips to Redis a request costs. */
    static final class CountingRedis extends ReactiveStringRedisTemplate {

        final AtomicInteger calls = new AtomicInteger();

        CountingRedis(LettuceConnectionFactory connection) {
            super(connection);
        }

        @Override
        public <T> Flux<T> execute(RedisScript<T> script, List<String> keys, List<?> args) {
            calls.incrementAndGet();
            return super.execute(script, keys, args);
        }
    }

    final String agency = "lease-test-" + UUID.randomUUID();
    final AtomicLong nanos = new AtomicLong();

    @AfterAll
    static void disconnect() {
        connection.destroy();
    }

    @Test
    void two_replicas_together_let_exactly_the_bucket_through_and_a_busy_caller_costs_one_call_per_lease()
            throws IOException {
        // 100 tokens and almost no refill (one token per 1000 s) over the test.
        var settings = settings(new GatewaySettings.Bucket(1, 100, Duration.ofSeconds(1000)), Duration.ofMinutes(5));
        CountingRedis redis = new CountingRedis(connection);
        RateLimits one = limits(redis, settings);
        RateLimits two = limits(redis, settings);

        int allowed = 0;
        int requests = 0;
        for (int i = 0; i < 150; i++) {
            for (RateLimits replica : List.of(one, two)) {
                requests++;
                if (take(replica).allowed()) {
                    allowed++;
                }
            }
        }

        assertThat(allowed).isEqualTo(100);
        // Leases of 1, 2, 4, 8 and then 10 (a tenth of the bucket) per replica, then a refusal per request once
        // the bucket is empty: far fewer calls than the 300 requests while tokens were left.
        assertThat(redis.calls.get() - (requests - allowed)).isLessThanOrEqualTo(2 * 13);
    }

    @Test
    void a_lapsed_lease_goes_back_to_the_bucket_for_the_other_replica() throws IOException {
        var settings = settings(new GatewaySettings.Bucket(1, 100, Duration.ofSeconds(1000)), Duration.ofSeconds(1));
        ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(connection);
        RateLimits one = limits(redis, settings);
        RateLimits two = limits(redis, settings);

        for (int i = 0; i < 8; i++) {
            assertThat(take(one).allowed()).isTrue();
        }
        // Leases of 1, 2, 4 and 8: 15 leased, 8 spent, 7 still held by the first replica.
        int second = drain(two);
        assertThat(second).isEqualTo(85);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(take(one).allowed()).as("the lapsed 7 went back; this request leased some of them").isTrue();
        int afterLapse = drain(two);
        int firstAgain = drain(one);
        assertThat(8 + second + 1 + afterLapse + firstAgain).isEqualTo(100);
        assertThat(afterLapse).as("the other replica spends what the first gave back").isPositive();
    }

    @Test
    void a_caller_slower_than_the_lease_time_leases_one_token_at_a_time() throws IOException {
        var settings = settings(new GatewaySettings.Bucket(1, 100, Duration.ofSeconds(1000)), Duration.ofSeconds(1));
        ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(connection);
        RateLimits limits = limits(redis, settings);

        for (int i = 0; i < 5; i++) {
            assertThat(take(limits).allowed()).isTrue();
            nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        }

        String tokens = redis.<String, String>opsForHash().get("amur.rate-limit.{agency:" + agency + "}", "tokens")
                .block(Duration.ofSeconds(5));
        assertThat(Double.parseDouble(tokens)).as("five tokens taken, none held back").isBetween(95.0, 95.5);
    }

    @Test
    void a_small_bucket_is_asked_for_every_request_and_says_how_many_are_left() throws IOException {
        var settings = settings(new GatewaySettings.Bucket(1, 3, Duration.ofSeconds(1000)), Duration.ofMinutes(5));
        CountingRedis redis = new CountingRedis(connection);
        RateLimits limits = limits(redis, settings);

        assertThat(take(limits).remaining()).isEqualTo(2);
        assertThat(take(limits).remaining()).isEqualTo(1);
        assertThat(take(limits).remaining()).isZero();
        RateLimits.Decision refused = take(limits);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(999L, 1000L);
        assertThat(redis.calls.get()).isEqualTo(4);
    }

    @Test
    void without_redis_a_take_fails_quickly_so_the_filter_lets_the_request_through() throws IOException {
        LettuceConnectionFactory down = RealRedis.unreachable(TestSocketUtils.findAvailableTcpPort());
        try {
            var settings = settings(new GatewaySettings.Bucket(50, 100, null), Duration.ofSeconds(1));
            RateLimits limits = limits(new ReactiveStringRedisTemplate(down), settings);
            long started = System.nanoTime();

            Throwable failure = limits.take(RateLimits.Kind.AGENCY, agency)
                    .map(decision -> (Throwable) null).onErrorResume(Mono::just)
                    .block(Duration.ofSeconds(5));

            assertThat(failure).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        } finally {
            down.destroy();
        }
    }

    private int drain(RateLimits replica) {
        int allowed = 0;
        while (take(replica).allowed()) {
            allowed++;
        }
        return allowed;
    }

    private RateLimits.Decision take(RateLimits limits) {
        return limits.take(RateLimits.Kind.AGENCY, agency).block(Duration.ofSeconds(5));
    }

    private GatewaySettings.RateLimit settings(GatewaySettings.Bucket bucket, Duration leaseTime) {
        return new GatewaySettings.RateLimit("redis", null, null, Map.of(agency, bucket), 10, leaseTime);
    }

    private RateLimits limits(ReactiveStringRedisTemplate redis, GatewaySettings.RateLimit settings)
            throws IOException {
        return new LeasedRedisRateLimits(redis, LeasedRedisRateLimits.script(), settings, nanos::get);
    }
}
