package io.tidings.api.channel;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A channel that keeps what it took so a person can read it (the devbox). The REST API, the
 * shell and the console read it through this interface.
 */
@ProviderType
public interface MessageArchive {

    /** A message as the archive received it. */
    record Entry(OutboundMessage message, String channel, Instant receivedAt) {
    }

    /** Newest first, at most {@code limit}. */
    List<Entry> messages(int limit);

    /** Forgets every kept message. */
    void clear();
}
