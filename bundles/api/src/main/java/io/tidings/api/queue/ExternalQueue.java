package io.tidings.api.queue;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Messages routed to an external channel ({@code io.tidings.channel.external}) wait here until an
 * external system claims them, sends them its own way and acknowledges the outcome. A claimed
 * message that is not acknowledged within its lease is offered again: delivery is at least once.
 */
@ProviderType
public interface ExternalQueue {

    /**
     * Claims waiting messages of a channel, oldest first.
     *
     * @throws io.tidings.api.ValidationException when no external channel has that name, or limit
     *         or lease are out of range
     */
    List<QueuedMessage> claim(String channel, int limit, Duration lease);

    /**
     * Records what the external system did with a claimed message: delivered, or failed with a reason.
     *
     * @return false when the channel holds no such message (acknowledged already, or its hand-over is
     *         not recorded yet: acknowledge again in a moment)
     */
    boolean acknowledge(String channel, String communicationId, boolean delivered, String reason);

    /**
     * The organisational unit an external channel belongs to (its configuration's {@code unit}): callers
     * limited to units claim and acknowledge only the channels of their units and the units below.
     *
     * @return null for a channel of no unit, or no such channel
     * @since 1.2
     */
    default String unitOf(String channel) {
        return null;
    }
}
