package io.tidings.core.store;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The outbox of external channels: rendered messages that external systems claim and acknowledge. */
@ProviderType
public interface ExternalOutboxRepository {

    /** Keeps a rendered message for an external system (again for the same communication: replaces it). */
    void outboxPut(String channel, io.tidings.api.queue.QueuedMessage message, Instant now);

    /** Claims the oldest messages of a channel that are unclaimed or whose claim expired. */
    List<io.tidings.api.queue.QueuedMessage> outboxClaim(String channel, int limit, Instant now, Instant claimedUntil);

    /** @return false when the channel holds no such message */
    boolean outboxRemove(String channel, String communicationId);
}
