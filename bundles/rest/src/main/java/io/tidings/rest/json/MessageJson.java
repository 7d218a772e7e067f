package io.tidings.rest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.IngestResult;
import io.tidings.api.ManualMessage;
import io.tidings.api.Medium;

/**
 * {@code {"id","medium","recipient":{…},"subject","text" | "template","data":{…},"entity":{"type","id"},"sendAt"}}:
 * a message created by hand.
 */
public final class MessageJson {

    private MessageJson() {
    }

    public static ManualMessage read(JsonNode body) {
        Fields f = Fields.root(body).only("id", "medium", "recipient", "subject", "text", "template", "data", "entity",
                "sendAt");
        return new ManualMessage(f.identifier("id"), f.enumValue("medium", Medium.class), f.map("recipient"),
                f.text("subject"), f.text("text"), f.text("template"), f.map("data"), EventJson.entity(f),
                f.dateTime("sendAt"));
    }

    public static ObjectNode result(String messageId, IngestResult result) {
        return EventJson.accepted("messageId", messageId, result);
    }
}
