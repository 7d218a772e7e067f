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
}
