package io.tidings.api;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something that happened to an entity of the host platform.
 *
 * @param id         idempotency key: the same id twice creates nothing new
 * @param type       {@code <entity>.<event>}, e.g. {@code order.status_changed}
 * @param occurredAt when it happened, with its offset
 * @param location   optional location key the rules may be scoped to
 * @param entity     the primary entity
 * @param data       a snapshot of the entity and related entities keyed by entity name
 * @param unit       the organisational unit it was posted for (its communications belong to it, and only
 *                   rules of the unit, of the units above it or of no unit apply); null for none (since API 1.6)
 */
public record BusinessEvent(String id, String type, OffsetDateTime occurredAt, String location, EntityRef entity,
        Map<String, Object> data, String unit) {

    public BusinessEvent {
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** An event of no unit (the signature before API 1.6). */
    public BusinessEvent(String id, String type, OffsetDateTime occurredAt, String location, EntityRef entity,
            Map<String, Object> data) {
        this(id, type, occurredAt, location, entity, data, null);
    }

    /** The same event posted for a unit. */
    public BusinessEvent withUnit(String newUnit) {
        return new BusinessEvent(id, type, occurredAt, location, entity, data, newUnit);
    }

    /** Checks the fields a valid event must carry; names the first one at fault. */
    public void validate() {
        require(id, "id");
        require(type, "type");
        if (id.length() > 200) {
            throw new ValidationException("id", "must be at most 200 characters");
        }
        if (!type.matches("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_.]*")) {
            throw new ValidationException("type", "must be <entity>.<event> in lower case, e.g. order.created; was '" + type + "'");
        }
        if (occurredAt == null) {
            throw new ValidationException("occurredAt", "is required (ISO-8601 with an offset)");
        }
        if (entity == null) {
            throw new ValidationException("entity", "is required ({\"type\", \"id\"})");
        }
        require(entity.type(), "entity.type");
        require(entity.id(), "entity.id");
    }

    /** The entity part of the type: {@code order} for {@code order.status_changed}. */
    public String entityName() {
        return type.substring(0, type.indexOf('.'));
    }

    /** The event part of the type: {@code status_changed} for {@code order.status_changed}. */
    public String eventName() {
        return type.substring(type.indexOf('.') + 1);
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "is required");
        }
    }
}
