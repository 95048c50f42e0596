package travel.amur.common.plumbing;

import travel.amur.common.event.EventType;

/** A test event: the {@code sequence}-th thing that happened to {@code key}. */
@EventType("travel.amur.test.TestHappened.v1")
public record TestHappened(String key, int sequence, String note) {
}
