package io.tidings.api.channel;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Implemented by the engine: channels report what providers said after the send (delivery
 * receipts, gateway callbacks), by the provider message id they returned in {@link SendResult}.
 */
@ProviderType
public interface DeliveryFeedback {

    /** @return false when no communication of that channel carries the id */
    boolean delivered(String channelName, String providerMessageId);

    /** @return false when no communication of that channel carries the id */
    boolean failed(String channelName, String providerMessageId, String reason);

    /**
     * A hard bounce: the recipient's server returned a sent message as undeliverable for good. The
     * communication moves from SENT to BOUNCED with the diagnostic.
     *
     * @param providerMessageId the id the channel returned (an email's Message-ID), or null
     * @param communicationId   the communication, where the bounce names it (a VERP return path), or null
     * @return false when no sent communication of that channel matches
     */
    default boolean bounced(String channelName, String providerMessageId, String communicationId, String diagnostic) {
        // an engine of an older minor version knows no BOUNCED: the message failed
        return providerMessageId != null && failed(channelName, providerMessageId, "bounced: " + diagnostic);
    }

    /**
     * A complaint: a recipient reported a message of the channel as unwanted (a feedback loop report, a
     * provider's spam report). Counted per channel for monitoring; suppressing the address is the
     * channel's part (through the suppression list).
     */
    default void complained(String channelName) {
        // an engine of an older minor version does not count complaints
    }
}
