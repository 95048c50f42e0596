package travel.amur.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's own settings ({@code amur.gateway.*}); routes and timeouts are Spring Cloud Gateway's and
 * resilience4j's own properties.
 *
 * @param apiKeys agencies' API keys, by SHA-256 hash: the keys themselves are never stored
 * @param jwt how a mobile app's token names its agency, user and roles
 * @param rateLimit requests per second allowed per agency, and per address for anonymous callers
 * @param corsAllowedOrigins the web and mobile front ends allowed to call from a browser
 * @param maxRequestSize the largest request body accepted
 * @param groupTourAgencies the agencies operations authorised to send group tours under the China-Russia agreement
 *         (on the lists the two countries exchange); the gateway tells the services in {@code X-Agency-Group-Tours}
 */
@ConfigurationProperties("amur.gateway")
public record GatewaySettings(List<ApiKey> apiKeys, Jwt jwt, RateLimit rateLimit, List<String> corsAllowedOrigins,
        DataSize maxRequestSize, Set<String> groupTourAgencies) {

    public GatewaySettings {
        groupTourAgencies = groupTourAgencies == null ? Set.of() : Set.copyOf(groupTourAgencies);
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        jwt = jwt != null ? jwt : new Jwt(null, null, null);
        rateLimit = rateLimit != null ? rateLimit : new RateLimit(null, null, null, null, null, null);
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
        maxRequestSize = maxRequestSize != null ? maxRequestSize : DataSize.ofMegabytes(1);
    }

    /**
     * One agency key.
     *
     * @param name who holds it, for logs and rotation (never the key)
     * @param sha256 hex SHA-256 of the key
     * @param agency the agency the key speaks for
     * @param roles AGENT, OPS
     */
    public record ApiKey(String name, String sha256, String agency, Set<String> roles) {

        public ApiKey {
            roles = roles == null || roles.isEmpty() ? Set.of("AGENT") : Set.copyOf(roles);
        }
    }

    /** The claims of an app's token that name its agency and roles; the user is the subject. */
    public record Jwt(String agencyClaim, String rolesClaim, Boolean enabled) {

        public Jwt {
            agencyClaim = agencyClaim != null ? agencyClaim : "agency_id";
            rolesClaim = rolesClaim != null ? rolesClaim : "roles";
        }
    }

    /**
     * Token buckets.
     *
     * @param store redis (one budget shared by every gateway replica) or memory (this replica only)
     * @param agency every agency's budget, unless {@code overrides} has one for it
     * @param overrides budgets agreed with particular agencies, by agency id
     * @param maxLease the most tokens a replica takes from a shared (Redis) bucket at once, to spend without asking
     *         again; at most a tenth of the bucket, 1 for small ones
     * @param leaseTime how long a replica may spend a lease before what is left of it goes back to the bucket
     */
    public record RateLimit(String store, Bucket agency, Bucket anonymous, Map<String, Bucket> overrides,
            Integer maxLease, Duration leaseTime) {

        public RateLimit {
            store = store != null ? store : "redis";
            agency = agency != null ? agency : new Bucket(50, 100, null);
            anonymous = anonymous != null ? anonymous : new Bucket(10, 20, null);
            overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
            maxLease = maxLease != null ? maxLease : 50;
            leaseTime = leaseTime != null ? leaseTime : Duration.ofSeconds(1);
            if (maxLease < 1 || leaseTime.isNegative() || leaseTime.isZero()) {
                throw new IllegalArgumentException("amur.gateway.rate-limit.max-lease must be at least 1 and "
                        + "lease-time positive, got " + maxLease + ", " + leaseTime);
            }
        }

        public boolean inRedis() {
            return "redis".equalsIgnoreCase(store);
        }

        /** The budget of one agency. */
        public Bucket forAgency(String agencyId) {
            return overrides.getOrDefault(agencyId, agency);
        }
    }

    /**
     * A token bucket: one token per request.
     *
     * @param replenishRate tokens added every {@code period}
     * @param burstCapacity tokens the bucket holds: requests that may be made at once
     * @param period how often {@code replenishRate} tokens are added: a whole number of seconds, 1 s unless set
     *         (for instance 1 every 10 s for a budget under one request a second)
     */
    public record Bucket(int replenishRate, int burstCapacity, Duration period) {

        public Bucket {
            period = period != null ? period : Duration.ofSeconds(1);
            if (replenishRate < 1 || burstCapacity < 1 || period.toSeconds() < 1 || period.toMillis() % 1000 != 0) {
                throw new IllegalArgumentException("a rate-limit bucket needs replenish-rate and burst-capacity of at "
                        + "least 1 and a period of whole seconds, got " + replenishRate + ", " + burstCapacity + ", "
                        + period);
            }
        }

        /** Whole seconds until {@code tokens} more are in the bucket. */
        public long secondsFor(double tokens) {
            return Math.max(0, (long) Math.ceil(tokens * period.toSeconds() / replenishRate));
        }
    }
}
