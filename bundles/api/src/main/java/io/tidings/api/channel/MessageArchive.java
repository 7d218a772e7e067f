package io.tidings.api.channel;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A channel that keeps what it took so a person can read it (the devbox). A channel bundle
 * implements it beside {@link Channel}, so it is a consumer type like the channel; the REST API, the
 * shell and the console read it through this interface.
 */
@ConsumerType
public interface MessageArchive {

    /** A message as the archive received it. */
    record Entry(OutboundMessage message, String channel, Instant receivedAt) {
    }

    /** Newest first, at most {@code limit}. */
    List<Entry> messages(int limit);

    /** Forgets every kept message. */
    void clear();
}
