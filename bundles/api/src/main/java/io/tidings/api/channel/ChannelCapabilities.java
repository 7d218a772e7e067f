package io.tidings.api.channel;

/**
 * What a channel can carry.
 *
 * @param html             renders HTML bodies (email)
 * @param attachments      carries attachments and inline images
 * @param deliveryReceipts reports delivery through {@link DeliveryFeedback}
 */
public record ChannelCapabilities(boolean html, boolean attachments, boolean deliveryReceipts) {
    public static final ChannelCapabilities EMAIL = new ChannelCapabilities(true, true, false);
    public static final ChannelCapabilities TEXT = new ChannelCapabilities(false, false, false);
}
