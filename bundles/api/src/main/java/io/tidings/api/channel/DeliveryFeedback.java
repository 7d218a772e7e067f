package io.tidings.api.channel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
     * {@link #delivered}, answered once recorded, without holding the caller's thread: receipts
     * reported together are recorded together (one commit for many). A channel that receives receipts
     * in bursts (SMPP) reports them this way.
     *
     * @return completes with false when no communication of that channel carries the id
     * @since 2.2
     */
    default CompletionStage<Boolean> deliveredAsync(String channelName, String providerMessageId) {
        // an engine of an older minor version records each report before it answers
        try {
            return CompletableFuture.completedFuture(delivered(channelName, providerMessageId));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * {@link #failed}, answered once recorded, without holding the caller's thread (see
     * {@link #deliveredAsync}).
     *
     * @return completes with false when no communication of that channel carries the id
     * @since 2.2
     */
    default CompletionStage<Boolean> failedAsync(String channelName, String providerMessageId, String reason) {
        try {
            return CompletableFuture.completedFuture(failed(channelName, providerMessageId, reason));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

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
