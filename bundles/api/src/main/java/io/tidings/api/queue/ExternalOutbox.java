package io.tidings.api.queue;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.CommunicationStatus;

/**
 * The outbox of external channels: rendered messages that external systems claim and acknowledge.
 * Implemented by the store (every method is one transaction), used by the external channel bundle.
 */
@ProviderType
public interface ExternalOutbox {

    /** Keeps a rendered message for an external system (again for the same communication: replaces it). */
    void outboxPut(String channel, QueuedMessage message, Instant now);

    /** Claims the oldest messages of a channel that are unclaimed or whose claim expired. */
    List<QueuedMessage> outboxClaim(String channel, int limit, Instant now, Instant claimedUntil);

    /**
     * An external system's acknowledgement, in one transaction: the communication that carries the
     * provider id moves to {@code status}, and only then does its message leave the channel's outbox.
     *
     * @return false when no sent communication carries the id (yet): the message stays, to be
     *         acknowledged again
     */
    boolean acknowledge(String channel, String communicationId, String providerMessageId,
            CommunicationStatus status, String reason);

    /** @return false when the channel holds no such message */
    boolean outboxRemove(String channel, String communicationId);
}
