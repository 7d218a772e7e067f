package io.tidings.core.events;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;

/**
 * Told of each status change of a communication once it is recorded, on the thread that recorded
 * it: must return at once (hand the news to a queue, as EventAdmin's {@code postEvent} does).
 * Registered as a service inside the core bundle; the engine tracks them dynamically.
 */
public interface StatusListener {

    /**
     * @param communication the communication as it was before the change (its id, rule, template,
     *                      medium, entity are what a listener may need)
     * @param channel       the channel involved, null when none was
     */
    void changed(Communication communication, CommunicationStatus status, String reason, String channel);

    /** Whether it would do anything with a change now: the engine reads what it reports only then. */
    default boolean listening() {
        return true;
    }
}
