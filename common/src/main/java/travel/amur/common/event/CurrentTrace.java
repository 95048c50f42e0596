package travel.amur.common.event;

import reactor.util.context.ContextView;

/** The W3C trace context of the work now running, for the events it writes; null where nothing is traced. */
@FunctionalInterface
public interface CurrentTrace {

    CurrentTrace NONE = () -> null;

    /** The {@code traceparent} of the current span ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    String traceparent();

    /**
     * The {@code traceparent} of the span a reactive chain runs in, from its context: on the threads a chain hops to
     * (R2DBC's, Netty's) the thread's own current span may belong to other work.
     */
    default String traceparent(ContextView context) {
        return traceparent();
    }
}
