package io.tidings.rest.json;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.EntityRef;
import io.tidings.api.IngestResult;
import io.tidings.api.ManualMessage;
import io.tidings.api.Medium;
import io.tidings.api.ValidationException;

/** {@code {"id","medium","recipient":{…},"subject","text","entity":{"type","id"},"sendAt"}}: a message an agent wrote. */
public final class MessageJson {

    private MessageJson() {
    }

    public static ManualMessage read(JsonNode body) {
        Fields f = Fields.root(body).only("id", "medium", "recipient", "subject", "text", "entity", "sendAt");
        EntityRef entity = null;
        Fields e = f.object("entity");
        if (e != null) {
            e.only("type", "id");
            entity = new EntityRef(e.requiredText("type"), e.identifier("id"));
        }
        return new ManualMessage(f.identifier("id"), f.enumValue("medium", Medium.class), f.map("recipient"),
                f.text("subject"), f.text("text"), entity, sendAt(f.text("sendAt")));
    }

    private static OffsetDateTime sendAt(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException("sendAt",
                    "must be ISO-8601 with an offset, e.g. 2026-11-23T14:00:00+02:00; was '" + text + "'");
        }
    }

    public static ObjectNode result(String messageId, IngestResult result) {
        ObjectNode json = JsonCodec.object();
        json.put("messageId", messageId);
        json.put("duplicate", result.duplicate());
        ArrayNode ids = json.putArray("communications");
        result.communicationIds().forEach(ids::add);
        return json;
    }
}
