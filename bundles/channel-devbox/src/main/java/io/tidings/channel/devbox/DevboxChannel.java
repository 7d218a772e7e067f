package io.tidings.channel.devbox;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelCapabilities;
import io.tidings.api.channel.Attachment;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;

/** Takes every message into the archive instead of sending it; never fails. */
final class DevboxChannel implements Channel {

    /** Renders HTML in the console; keeps no attachments; "delivers" nothing. */
    private static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(true, true, false);

    private final DevboxArchive archive;

    DevboxChannel(DevboxArchive archive) {
        this.archive = archive;
    }

    @Override
    public CompletionStage<SendResult> send(OutboundMessage message) {
        // names and types only: the archive must not hold megabytes of files per message
        archive.keep(message.attachments().isEmpty() ? message : new OutboundMessage(message.communicationId(),
                message.medium(), message.recipient(), message.recipientName(), message.subject(), message.text(),
                message.html(), message.language(), message.attempt(), message.country(), message.attachments().stream()
                        .map(a -> new Attachment(a.filename(), a.contentType(), new byte[0], a.contentId())).toList(),
                message.unsubscribeUrl(), message.replyTo()));
        return CompletableFuture.completedFuture(SendResult.sent("devbox-" + message.communicationId()));
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }
}
