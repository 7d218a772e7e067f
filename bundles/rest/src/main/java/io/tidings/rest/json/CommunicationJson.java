package io.tidings.rest.json;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.Communication;

/**
 * {@code {"id","event","rule","template","templateVersion","medium","channel","recipient","language","status",
 * "statusReason","attempts","notBefore","createdAt","sentAt","providerMessageId","subject","body","unit","entity":{"type","id"}}},
 * times as ISO-8601 in UTC.
 */
public final class CommunicationJson {

    private CommunicationJson() {
    }

    public static ObjectNode write(Communication c) {
        return write(c, true);
    }

    /**
     * @param content whether {@code subject} and {@code body} are written; without, they are null, as
     *                message text is personal data only some readers may see
     */
    public static ObjectNode write(Communication c, boolean content) {
        ObjectNode json = JsonCodec.object();
        json.put("id", c.id());
        json.put("event", c.eventId());
        json.put("rule", c.ruleKey());
        json.put("template", c.templateKey());
        json.put("templateVersion", c.templateVersion());
        json.put("medium", c.medium() == null ? null : c.medium().name());
        json.put("channel", c.channel());
        json.put("recipient", c.recipient());
        json.put("language", c.language());
        json.put("status", c.status() == null ? null : c.status().name());
        json.put("statusReason", c.statusReason());
        json.put("attempts", c.attempts());
        json.put("notBefore", time(c.notBefore()));
        json.put("createdAt", time(c.createdAt()));
        json.put("sentAt", time(c.sentAt()));
        json.put("providerMessageId", c.providerMessageId());
        json.put("subject", content ? c.subject() : null);
        json.put("body", content ? c.body() : null);
        json.put("unit", c.unit());
        if (c.entity() == null) {
            json.putNull("entity");
        } else {
            ObjectNode entity = json.putObject("entity");
            entity.put("type", c.entity().type());
            entity.put("id", c.entity().id());
        }
        return json;
    }

    /** Instant's own text is ISO-8601 in UTC ({@code 2025-03-14T07:30:00Z}). */
    public static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
