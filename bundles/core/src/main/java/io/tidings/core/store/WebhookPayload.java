package io.tidings.core.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import io.tidings.api.Communication;
import io.tidings.api.webhook.WebhookEvent;

/**
 * The JSON a webhook receives: {@code {"delivery","event","at","data":{…}}}. Written once when the
 * delivery is queued (a status change's by the store, in the transaction recording the change), so
 * that every attempt posts the same bytes. Data values are text, numbers, booleans or null; keys
 * come out sorted.
 */
public final class WebhookPayload {

    private WebhookPayload() {
    }

    /** A {@code communication.status} delivery: ids and the status as recorded, never an address or a body. */
    public static String status(String delivery, Communication c, Instant at) {
        Map<String, Object> data = new HashMap<>();
        data.put("id", c.id());
        data.put("eventId", c.eventId());
        data.put("entityType", c.entity() == null ? null : c.entity().type());
        data.put("entityId", c.entity() == null ? null : c.entity().id());
        data.put("status", c.status().name());
        data.put("reason", c.statusReason());
        data.put("channel", c.channel());
        data.put("medium", c.medium() == null ? null : c.medium().name());
        data.put("rule", c.ruleKey());
        data.put("template", c.templateKey());
        return write(delivery, WebhookEvent.COMMUNICATION_STATUS, at, data);
    }

    public static String write(String delivery, WebhookEvent event, Instant at, Map<String, ?> data) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "delivery", delivery).append(',');
        field(json, "event", event.wireName()).append(',');
        field(json, "at", at.toString()).append(",\"data\":{");
        boolean first = true;
        for (Map.Entry<String, ?> entry : new TreeMap<>(data).entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, entry.getKey()).append(':');
            Object value = entry.getValue();
            if (value == null || value instanceof Number || value instanceof Boolean) {
                json.append(value);
            } else {
                string(json, value.toString());
            }
        }
        return json.append("}}").toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return string(string(json, name).append(':'), value);
    }

    private static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        json.append(String.format("\\u%04x", (int) ch));
                    } else {
                        json.append(ch);
                    }
                }
            }
        }
        return json.append('"');
    }
}
