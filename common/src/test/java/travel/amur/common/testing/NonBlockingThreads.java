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
                .allowBlockingCallsInside("java.util.UUID", "randomUUID"));
        installed = true;
    }
}
