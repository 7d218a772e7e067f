package io.tidings.rest.json;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.ValidationException;
import io.tidings.api.log.CommunicationCategory;
import io.tidings.api.log.Direction;
import io.tidings.api.log.EntryState;
import io.tidings.api.log.FeedItem;
import io.tidings.api.log.FollowUp;
import io.tidings.api.log.LoggedCommunication;

/**
 * The communication log's JSON: a logged communication
 * {@code {"id","medium","direction","state","contact":{…},"entity":{"type","id"},"category","subject","notes",
 * "occurredAt","followUpOf","related":[…],"owner","followUp":{"dueAt","owner","note"}}}, a follow-up, a
 * category and a feed item.
 */
public final class LogJson {

    /** A logged communication as posted, with the follow-up it asks for (null for none). */
    public record Posted(LoggedCommunication communication, FollowUpRequest followUp, boolean send) {
    }

    /** {@code {"dueAt","owner","note"}}. */
    public record FollowUpRequest(Instant dueAt, String owner, String note) {
    }

    private LogJson() {
    }

    /**
     * @param id     the path's id for a PUT (the body's id must then be absent or the same); null for a POST
     * @param owner  the caller, when the body names no owner
     */
    public static Posted read(JsonNode body, String id, String owner) {
        Fields f = Fields.root(body).only("id", "medium", "direction", "state", "contact", "entity", "category",
                "subject", "notes", "occurredAt", "followUpOf", "related", "owner", "followUp", "send");
        // a PUT names the communication in its path: the body may leave the id out
        String given = id != null && f.raw("id") == null ? null : f.identifier("id");
        if (id != null && given != null && !given.equals(id)) {
            throw new ValidationException("id", "is the path's id '" + id + "'; an id does not change");
        }
        String medium = f.text("medium");
        Map<String, Object> contact = f.map("contact");
        java.time.OffsetDateTime occurred = f.dateTime("occurredAt");
        String who = f.text("owner");
        LoggedCommunication c = new LoggedCommunication(id != null ? id : given, LoggedCommunication.MANUAL,
                medium == null ? null : medium.trim(), direction(f), state(f), contact,
                EventJson.entity(f), f.text("category"), f.text("subject"), f.text("notes"),
                occurred == null ? null : occurred.toInstant(), f.text("followUpOf"), f.texts("related"),
                who != null ? who : owner, null, null, null, null);
        Fields follow = f.object("followUp");
        FollowUpRequest followUp = follow == null ? null : followUp(follow.only("dueAt", "owner", "note"));
        Boolean send = f.bool("send");
        return new Posted(c, followUp, send != null && send);
    }

    private static Direction direction(Fields f) {
        Direction d = f.enumValue("direction", Direction.class);
        if (d == null) {
            throw new ValidationException("direction", "is required: INBOUND or OUTBOUND");
        }
        return d;
    }

    private static EntryState state(Fields f) {
        EntryState s = f.enumValue("state", EntryState.class);
        return s == null ? EntryState.COMPLETED : s;
    }

    public static FollowUpRequest readFollowUp(JsonNode body) {
        return followUp(Fields.root(body).only("dueAt", "owner", "note"));
    }

    private static FollowUpRequest followUp(Fields f) {
        java.time.OffsetDateTime due = f.dateTime("dueAt");
        if (due == null) {
            throw new ValidationException(f.name("dueAt"), "is required: when the follow-up is due (ISO-8601 with offset)");
        }
        return new FollowUpRequest(due.toInstant(), f.text("owner"), f.text("note"));
    }

    public static CommunicationCategory readCategory(JsonNode body) {
        Fields f = Fields.root(body).only("key", "name");
        return new CommunicationCategory(f.requiredText("key"), f.requiredText("name"));
    }

    /** @param content whether the subject and notes are written (personal data) */
    public static ObjectNode write(LoggedCommunication c, FollowUp followUp, boolean content) {
        ObjectNode json = JsonCodec.object();
        json.put("id", c.id());
        json.put("kind", c.kind());
        json.put("medium", c.medium());
        json.put("direction", c.direction().name());
        json.put("state", c.state().name());
        json.put("contactId", c.contactId());
        ObjectNode contact = json.putObject("contact");
        c.contact().forEach((k, v) -> contact.set(k, JsonCodec.tree(v)));
        if (c.entity() == null) {
            json.putNull("entity");
        } else {
            json.putObject("entity").put("type", c.entity().type()).put("id", c.entity().id());
        }
        json.put("category", c.category());
        json.put("subject", content ? c.subject() : null);
        json.put("notes", content ? c.notes() : null);
        json.put("occurredAt", c.occurredAt() == null ? null : c.occurredAt().toString());
        json.put("followUpOf", c.followUpOf());
        ArrayNode related = json.putArray("related");
        c.related().forEach(related::add);
        json.put("owner", c.owner());
        json.put("channel", c.channel());
        json.put("sentAs", c.sentAs());
        json.put("createdAt", c.createdAt() == null ? null : c.createdAt().toString());
        json.put("updatedAt", c.updatedAt() == null ? null : c.updatedAt().toString());
        if (followUp == null) {
            json.putNull("followUp");
        } else {
            json.set("followUp", write(followUp, content));
        }
        return json;
    }

    /** @param content whether the note is written (it may speak of the contact) */
    public static ObjectNode write(FollowUp f, boolean content) {
        ObjectNode json = JsonCodec.object();
        json.put("communicationId", f.communicationId());
        json.put("dueAt", f.dueAt().toString());
        json.put("owner", f.owner());
        json.put("note", content ? f.note() : null);
        json.put("completedAt", f.completedAt() == null ? null : f.completedAt().toString());
        json.put("completedAs", f.completedAs());
        return json;
    }

    public static ObjectNode write(CommunicationCategory c) {
        ObjectNode json = JsonCodec.object();
        json.put("key", c.key());
        json.put("name", c.name());
        return json;
    }

    /** @param content whether the subject and text are written (personal data) */
    public static ObjectNode write(FeedItem item, boolean content) {
        ObjectNode json = JsonCodec.object();
        json.put("type", item.type());
        json.put("id", item.id());
        json.put("at", item.at() == null ? null : item.at().toString());
        json.put("medium", item.medium());
        json.put("direction", item.direction().name());
        json.put("status", item.status());
        json.put("contactId", item.contactId());
        json.put("address", item.address());
        if (item.entity() == null) {
            json.putNull("entity");
        } else {
            json.putObject("entity").put("type", item.entity().type()).put("id", item.entity().id());
        }
        json.put("category", item.category());
        json.put("subject", content ? item.subject() : null);
        json.put("text", content ? item.text() : null);
        json.put("owner", item.owner());
        json.put("communicationId", item.communicationId());
        return json;
    }
}
