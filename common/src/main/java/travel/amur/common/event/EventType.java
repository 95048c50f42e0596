package travel.amur.common.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The CloudEvents {@code type} of a message payload, with its schema version: {@code travel.amur.flight.SeatsHeld.v1}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** Reverse-DNS name ending in {@code .v<version>}; a breaking change to the payload gets a new version. */
    String value();
}
