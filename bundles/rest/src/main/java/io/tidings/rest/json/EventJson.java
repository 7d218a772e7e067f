package io.tidings.rest.json;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.BusinessEvent;
import io.tidings.api.EntityRef;
import io.tidings.api.IngestResult;
import io.tidings.api.ValidationException;

/** {@code {"id","type","occurredAt","location","entity":{"type","id"},"data":{…}}}. */
public final class EventJson {

    private EventJson() {
    }

    public static BusinessEvent read(JsonNode body) {
        Fields f = Fields.root(body).only("id", "type", "occurredAt", "location", "entity", "data");
        EntityRef entity = null;
        Fields e = f.object("entity");
        if (e != null) {
            e.only("type", "id");
            entity = new EntityRef(e.requiredText("type"), e.identifier("id"));
        }
        return new BusinessEvent(f.text("id"), f.text("type"), occurredAt(f.text("occurredAt")), f.text("location"),
                entity, f.map("data"));
    }

    private static OffsetDateTime occurredAt(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException("occurredAt",
                    "must be ISO-8601 with an offset, e.g. 2025-03-14T09:30:00+02:00; was '" + text + "'");
        }
    }

    public static ObjectNode ingestResult(String eventId, IngestResult result) {
        ObjectNode json = JsonCodec.object();
        json.put("eventId", eventId);
        json.put("duplicate", result.duplicate());
        ArrayNode ids = json.putArray("communications");
        result.communicationIds().forEach(ids::add);
        return json;
    }
}
