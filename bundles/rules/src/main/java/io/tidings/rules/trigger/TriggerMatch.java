package io.tidings.rules.trigger;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether an event fires a rule's trigger.
 *
 * @param matched true when it fires
 * @param reason  why it did not fire, null when it did
 * @param anchor  the moment the schedule counts from when it fires: the event's time for event
 *                triggers; a reminder counts from its appointment instead
 */
public record TriggerMatch(boolean matched, String reason, Instant anchor) {

    public static TriggerMatch fired(Instant anchor) {
        return new TriggerMatch(true, null, Objects.requireNonNull(anchor, "anchor"));
    }

    public static TriggerMatch missed(String reason) {
        return new TriggerMatch(false, Objects.requireNonNull(reason, "reason"), null);
    }
}
