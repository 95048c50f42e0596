package travel.amur.common.testing;

import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound once per test JVM: any blocking call on a Netty event loop or a Reactor non-blocking thread
 * fails the test that made it.
 */
public final class NonBlockingThreads {

    private static boolean installed;

    private NonBlockingThreads() {
    }

    public static synchronized void guard() {
        if (installed) {
            return;
        }
        // install(...) also loads the Reactor and Netty integrations that say which threads must never block.
        BlockHound.install(builder -> builder
                // Reading class files, or a message bundle once per locale, and writing a log line are one-off
                // reads from the class path, not request-path I/O.
                .allowBlockingCallsInside("java.lang.ClassLoader", "loadClass")
                .allowBlockingCallsInside("org.hibernate.validator.resourceloading.PlatformResourceBundleLocator",
                        "loadBundle")
                .allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes")
                // Jackson and Hibernate Validator lock briefly while they build what they know of a type the first
                // time it is seen, then cache it: a one-off per type, not per request.
                .allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
                        "_createAndCacheValueDeserializer")
                .allowBlockingCallsInside("org.hibernate.validator.internal.metadata.BeanMetaDataManagerImpl",
                        "getBeanMetaData")
                // springdoc builds a service's OpenAPI document once (pre-loaded at start-up) and caches it.
                .allowBlockingCallsInside("org.springdoc.core.service.OpenAPIService", "build")
                .allowBlockingCallsInside("java.util.UUID", "randomUUID")
                // resilience4j keeps each breaker's and time limiter's recent events in a small buffer behind a
                // StampedLock: two threads recording at once wait a moment (resilience4j#1545).
                .allowBlockingCallsInside("io.github.resilience4j.circularbuffer.ConcurrentEvictingQueue",
                        "writeConcurrently")
                .allowBlockingCallsInside("io.github.resilience4j.circularbuffer.ConcurrentEvictingQueue",
                        "readConcurrently")
                // Lettuce guards each connection's writers with a short lock. An error thrown while a thread waits
                // for it leaves the lock taken for good and wedges the connection (lettuce#3804), so let it wait.
                .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters")
                .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "doExclusive")
                // Spring Data Redis reads a script's SHA-1 (computed once) and its shared connection (opened at
                // start-up) under a lock on every call: two event loops calling Redis at once wait a moment.
                .allowBlockingCallsInside("org.springframework.data.redis.core.script.DefaultRedisScript", "getSha1")
                .allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
                        "getSharedReactiveConnection")
                // Netty's adaptive buffer allocator takes a magazine's lock when it grows its magazines under
                // contention, a one-off as the pool warms up.
                .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
                        "tryExpandMagazines"));
        installed = true;
    }
}
