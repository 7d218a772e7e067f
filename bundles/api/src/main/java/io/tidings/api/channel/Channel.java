package io.tidings.api.channel;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One configured sending account (an SMTP server, an SMPP gateway), registered as an OSGi service.
 *
 * <p>The engine routes by service properties: {@link #MEDIUM} (one or more medium names: {@code EMAIL},
 * {@code SMS}, {@code WEBHOOK} or a medium of the channel's own such as {@code PUSH}), {@link #CONTENT}
 * (the content kind of a medium of its own), {@link #PRIORITY} (higher first; the devbox is the lowest) and {@link #NAME} (unique,
 * recorded on each communication). Declare them as component properties and let a factory
 * configuration override them. Channels never see templates: they get rendered messages.
 */
@ConsumerType
public interface Channel {

    /**
     * Service property: the media this channel serves, medium names ({@code EMAIL}, {@code SMS},
     * {@code WEBHOOK}, or one of its own such as {@code PUSH}: {@link io.tidings.api.Medium#NAME_PATTERN}).
     */
    String MEDIUM = "channel.medium";
    /**
     * Service property: the content kind ({@code EMAIL}, {@code TEXT} or {@code STRUCTURED}, see
     * {@link io.tidings.api.ContentKind}) of the media this channel declares. Ignored for the built-in
     * media, whose kind is fixed; a new medium without it is {@code TEXT}.
     */
    String CONTENT = "channel.content";
    /**
     * Service property: the longest text, in characters, this channel takes for the {@code TEXT} media
     * it declares (an Integer; absent: no limit). A message whose text renders longer fails, naming the
     * limit; SMS keeps its own rule (GSM-7/UCS-2 parts).
     */
    String MAX_LENGTH = "channel.maxLength";
    /**
     * Service property: routing priority, higher first (an Integer). A channel registered with
     * {@link #FALLBACK_PRIORITY} serves a medium only while no other channel for it is registered.
     */
    String PRIORITY = "channel.priority";
    /** The priority of a fallback channel such as the devbox. */
    int FALLBACK_PRIORITY = Integer.MIN_VALUE;
    /** Service property: the channel's unique name, e.g. {@code smtp-main}. */
    String NAME = "channel.name";

    /**
     * What a channel name may be (a regular expression): it is recorded on communications and named
     * in URLs and rules.
     */
    String NAME_PATTERN = "[A-Za-z0-9._-]{1,200}";

    /**
     * Hands a message to the provider. The future completes with the typed outcome; retries,
     * backoff and dead letters are the engine's job, not the channel's. Must not block the caller
     * for the duration of the network exchange.
     */
    CompletionStage<SendResult> send(OutboundMessage message);

    /** What this channel can carry. */
    ChannelCapabilities capabilities();

    /** Whether it can take messages now; an unavailable channel is skipped by routing (failover). */
    default ChannelState state() {
        return ChannelState.AVAILABLE;
    }
}
