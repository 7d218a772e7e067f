package io.tidings.channel.external;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelCapabilities;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;
import io.tidings.api.queue.QueuedMessage;
import io.tidings.api.queue.ExternalOutbox;

/**
 * A channel whose provider is an external system: sending puts the rendered message in the
 * outbox (durably), and the message is SENT, that is handed over; the external system's
 * acknowledgement makes it DELIVERED or FAILED, as a gateway's delivery report would.
 */
public final class ExternalChannel implements Channel {

    /** The provider message id of an outbox entry: the communication id, prefixed. */
    static final String PROVIDER_ID_PREFIX = "outbox-";
    private static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(true, false, true);

    private final String name;
    private final ExternalOutbox store;
    private final Clock clock;

    private final String unit;

    public ExternalChannel(String name, ExternalOutbox store, Clock clock) {
        this(name, null, store, clock);
    }

    /** @param unit the organisational unit it belongs to; null for none */
    public ExternalChannel(String name, String unit, ExternalOutbox store, Clock clock) {
        this.name = name;
        this.unit = unit;
        this.store = store;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    /** The organisational unit it belongs to; null for none. */
    public String unit() {
        return unit;
    }

    @Override
    public CompletionStage<SendResult> send(OutboundMessage m) {
        store.outboxPut(name, new QueuedMessage(m.communicationId(), m.medium().name(), m.recipient(),
                m.recipientName(), m.subject(), m.text(), m.html(), m.language(), null), clock.instant());
        return CompletableFuture.completedFuture(SendResult.sent(PROVIDER_ID_PREFIX + m.communicationId()));
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }
}
