package io.tidings.rest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.IngestResult;
import io.tidings.api.ManualMessage;

/**
 * {@code {"id","medium","recipient":{…},"subject","text" | "template","data":{…},"entity":{"type","id"},"sendAt"}}:
 * a message created by hand.
 */
public final class MessageJson {

    private MessageJson() {
    }

    /**
     * A message is stored as an event whose data holds its recipient, subject, text and data: together
     * they must leave room in the store's event data (1 MiB) for the keys that wrap them.
     */
    public static final int MAX_CHARACTERS = EventJson.MAX_DATA_CHARACTERS - 4_096;

    public static ManualMessage read(JsonNode body) {
        Fields f = Fields.root(body).only("id", "medium", "recipient", "subject", "text", "template", "data", "entity",
                "sendAt", "unit");
        f.limitTogether(MAX_CHARACTERS, "a message (1 MiB less room for its envelope: what the store keeps of the event "
                + "it becomes; send large content as a link or an attachment URL)", "recipient", "subject", "text", "data");
        io.tidings.api.Medium medium = f.medium("medium");
        if (medium != null && medium != io.tidings.api.Medium.EMAIL && medium != io.tidings.api.Medium.SMS) {
            // a manual message is typed by a person to a contact's email address or phone
            throw new io.tidings.api.ValidationException("medium", "a manual message is EMAIL or SMS, was '" + medium + "'");
        }
        return new ManualMessage(f.identifier("id"), medium, f.map("recipient"),
                f.text("subject"), f.text("text"), f.text("template"), f.map("data"), EventJson.entity(f),
                f.dateTime("sendAt"), TemplateJson.blankToNull(f.text("unit")));
    }

    public static ObjectNode result(String messageId, IngestResult result) {
        return EventJson.accepted("messageId", messageId, result);
    }
}
