package io.tidings.channel.external;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.ValidationException;
import io.tidings.api.queue.ExternalQueue;
import io.tidings.api.queue.QueuedMessage;
import io.tidings.api.queue.ExternalOutbox;

/** The outbox of the external channels, claimed and acknowledged by external systems. */
@Component(service = {ExternalQueue.class, ExternalQueueService.class})
public class ExternalQueueService implements ExternalQueue {

    static final int MAX_CLAIM = 500;
    static final Duration MAX_LEASE = Duration.ofHours(24);

    @Reference
    private ExternalOutbox store;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, ExternalChannel> channels = new ConcurrentHashMap<>();

    public ExternalQueueService() {
    }

    /** For use outside OSGi (tests). */
    public ExternalQueueService(ExternalOutbox store) {
        this.store = store;
    }

    public void add(ExternalChannel channel) {
        channels.put(channel.name(), channel);
    }

    public void remove(ExternalChannel channel) {
        channels.remove(channel.name(), channel);
    }

    @Override
    public String unitOf(String channel) {
        ExternalChannel configured = channel == null ? null : channels.get(channel);
        return configured == null ? null : configured.unit();
    }

    @Override
    public List<QueuedMessage> claim(String channel, int limit, Duration lease) {
        known(channel);
        if (limit < 1 || limit > MAX_CLAIM) {
            throw new ValidationException("limit", "must be from 1 to " + MAX_CLAIM + ", was " + limit);
        }
        if (lease == null || lease.isNegative() || lease.isZero() || lease.compareTo(MAX_LEASE) > 0) {
            throw new ValidationException("leaseSeconds", "must be from 1 second to 24 hours");
        }
        Instant now = clock.instant();
        return store.outboxClaim(channel, limit, now, now.plus(lease));
    }

    @Override
    public boolean acknowledge(String channel, String communicationId, boolean delivered, String reason) {
        known(channel);
        if (!delivered && (reason == null || reason.isBlank())) {
            throw new ValidationException("reason", "is required when the message failed");
        }
        // one transaction: an acknowledgement that finds the hand-over not yet recorded leaves the
        // message in the outbox, to be acknowledged again, and a crash between the two writes cannot
        // leave a delivered message in the outbox (offered again) or a removed one still SENT
        return store.acknowledge(channel, communicationId, ExternalChannel.PROVIDER_ID_PREFIX + communicationId,
                delivered ? CommunicationStatus.DELIVERED : CommunicationStatus.FAILED,
                delivered ? null : channel + ": " + reason.strip());
    }

    private void known(String channel) {
        if (channel == null || !channels.containsKey(channel)) {
            throw new ValidationException("channel", "no external channel '" + channel + "'; configure one with "
                    + ExternalChannelComponent.PID);
        }
    }
}
