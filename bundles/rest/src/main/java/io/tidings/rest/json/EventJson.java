package io.tidings.rest.json;


import java.util.ArrayList;
import java.util.List;

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
        return read(Fields.root(body));
    }

    /** What the store keeps of an event's data (tidings_event.data), as JSON characters. */
    public static final int MAX_DATA_CHARACTERS = 1_048_576;

    private static BusinessEvent read(Fields event) {
        Fields f = event.only("id", "type", "occurredAt", "location", "entity", "data", "unit");
        f.limit("data", MAX_DATA_CHARACTERS, "an event's data (1 MiB; send large content as a link or an "
                + "attachment URL)");
        return new BusinessEvent(f.text("id"), f.text("type"), f.dateTime("occurredAt"), f.text("location"),
                entity(f), f.map("data"), TemplateJson.blankToNull(f.text("unit")));
    }

    /** {@code {"events":[…],"run":{"key","name"}}} ({@code run} optional, read by {@link RunJson#readMember}): a batch, each event read as {@link #read} reads one, named {@code events[i]}. */
    public static List<BusinessEvent> readBatch(JsonNode body) {
        Fields f = Fields.root(body).only("events", "run");
        List<Fields> events = f.objects("events");
        if (events == null || events.isEmpty()) {
            throw new ValidationException("events", "is required: a list of events");
        }
        List<BusinessEvent> read = new ArrayList<>(events.size());
        for (Fields e : events) {
            read.add(read(e));
        }
        return read;
    }

    /** {@code {"results":[{"eventId","duplicate","communications"},…]}}, in the order of the batch. */
    public static ObjectNode batchResult(List<BusinessEvent> events, List<IngestResult> results) {
        ObjectNode json = JsonCodec.object();
        ArrayNode list = json.putArray("results");
        for (int i = 0; i < events.size(); i++) {
            list.add(ingestResult(events.get(i).id(), results.get(i)));
        }
        return json;
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
