package io.tidings.rest.json;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.channel.MessageArchive;
import io.tidings.api.channel.OutboundMessage;

/**
 * A kept devbox message: {@code {"communicationId","medium","recipient","recipientName","subject","text","html",
 * "language","channel","receivedAt"}}.
 */
public final class ArchiveJson {

    private ArchiveJson() {
    }

    public static ObjectNode write(MessageArchive.Entry entry) {
        OutboundMessage m = entry.message();
        ObjectNode json = JsonCodec.object();
        json.put("communicationId", m.communicationId());
        json.put("medium", m.medium() == null ? null : m.medium().name());
        json.put("recipient", m.recipient());
        json.put("recipientName", m.recipientName());
        json.put("subject", m.subject());
        json.put("text", m.text());
        json.put("html", m.html());
        json.put("language", m.language());
        if (!m.attachments().isEmpty()) {
            var files = json.putArray("attachments");
            for (io.tidings.api.channel.Attachment a : m.attachments()) {
                files.addObject().put("filename", a.filename()).put("contentType", a.contentType()).put("inline", a.inline());
            }
        }
        json.put("channel", entry.channel());
        json.put("receivedAt", CommunicationJson.time(entry.receivedAt()));
        return json;
    }
}
