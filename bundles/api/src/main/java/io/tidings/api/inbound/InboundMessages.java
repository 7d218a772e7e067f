package io.tidings.api.inbound;

import org.osgi.annotation.versioning.ProviderType;

/** Where a channel hands the messages contacts send in; implemented by the engine. */
@ProviderType
public interface InboundMessages {

    /**
     * Records the message as an INBOUND communication of the contact (matched by the latest message
     * sent to the sender's address) and applies the configured keywords. Safe to call from a
     * channel's own thread; never throws for the message's content.
     */
    InboundResult received(InboundMessage message);
}
