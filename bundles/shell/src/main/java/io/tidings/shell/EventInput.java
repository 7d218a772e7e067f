package io.tidings.shell;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import io.tidings.api.BusinessEvent;
import io.tidings.api.EntityRef;

/**
 * The event of {@code tidings:explain}: the body of {@code POST /events}
 * ({@code {"id","type","occurredAt","location","entity":{"type","id"},"data":{…}}}), read with the
 * JSON rules of {@link SampleData}. The engine validates the event as it does for REST.
 */
final class EventInput {

    private static final Set<String> FIELDS = Set.of("id", "type", "occurredAt", "location", "entity", "data");

    private EventInput() {
    }

    /** @throws IllegalArgumentException naming the field at fault */
    static BusinessEvent read(String inline, String file) {
        Map<String, Object> json = SampleData.read(inline, file, "the event file");
        for (String field : json.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown field '" + field + "'; an event has " + FIELDS);
            }
        }
        return new BusinessEvent(text(json, "id"), text(json, "type"), occurredAt(text(json, "occurredAt")),
                text(json, "location"), entity(json.get("entity")), object(json.get("data"), "data"));
    }

    private static EntityRef entity(Object value) {
        Map<String, Object> entity = object(value, "entity");
        if (entity == null) {
            return null;
        }
        String type = text(entity, "type");
        Object id = entity.get("id");
        if (type == null || id == null || id instanceof Map || id instanceof Iterable) {
            throw new IllegalArgumentException("entity: needs \"type\" and \"id\", e.g. {\"type\":\"order\",\"id\":\"4711\"}");
        }
        return new EntityRef(type, id.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String field) {
        if (value == null || value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw new IllegalArgumentException(field + ": must be a JSON object");
    }

    private static String text(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException(field + ": must be a string");
    }

    private static OffsetDateTime occurredAt(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("occurredAt: ISO-8601 with an offset, e.g. 2026-11-24T09:00:00+02:00, not '"
                    + text + "'");
        }
    }
}
