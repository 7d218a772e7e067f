package io.tidings.rest.json;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.BusinessEvent;
import io.tidings.api.EntityRef;
import io.tidings.api.IngestResult;

/** {@code {"id","type","occurredAt","location","entity":{"type","id"},"data":{…}}}. */
public final class EventJson {

    private EventJson() {
    }

    public static BusinessEvent read(JsonNode body) {
        Fields f = Fields.root(body).only("id", "type", "occurredAt", "location", "entity", "data");
        return new BusinessEvent(f.text("id"), f.text("type"), f.dateTime("occurredAt"), f.text("location"),
                entity(f), f.map("data"));
    }

    /** {@code "entity":{"type","id"}}, null when absent. */
    static EntityRef entity(Fields f) {
        Fields e = f.object("entity");
        if (e == null) {
            return null;
        }
        e.only("type", "id");
        return new EntityRef(e.requiredText("type"), e.identifier("id"));
    }

    public static ObjectNode ingestResult(String eventId, IngestResult result) {
        return accepted("eventId", eventId, result);
    }

    /** {@code {"<idName>","duplicate","communications":[ids]}}: what was accepted under the host's id. */
    static ObjectNode accepted(String idName, String id, IngestResult result) {
        ObjectNode json = JsonCodec.object();
        json.put(idName, id);
        json.put("duplicate", result.duplicate());
        ArrayNode ids = json.putArray("communications");
        result.communicationIds().forEach(ids::add);
        return json;
    }
}
