package io.tidings.rest.json;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.webhook.Webhook;
import io.tidings.api.webhook.WebhookDelivery;
import io.tidings.api.webhook.WebhookEvent;

/**
 * {@code {"key","url","secret","events":[…]}}: a webhook to the host. The secret is write-only: an
 * answer says {@code "secret":"set"}, never the secret.
 */
public final class WebhookJson {

    /** What an administrator registers; {@code secret} null keeps the stored one on a change. */
    public record Registration(String key, String url, String secret, List<String> events) {
    }

    private WebhookJson() {
    }

    public static Registration read(JsonNode body) {
        Fields f = Fields.root(body).only("key", "url", "secret", "events");
        return new Registration(f.text("key"), f.text("url"), f.text("secret"), f.texts("events"));
    }

    public static ObjectNode write(Webhook w) {
        ObjectNode json = JsonCodec.object();
        json.put("key", w.key());
        json.put("url", w.url());
        json.put("secret", w.secretSet() ? "set" : "missing");
        ArrayNode events = json.putArray("events");
        for (WebhookEvent event : WebhookEvent.values()) {
            if (w.events().contains(event)) {
                events.add(event.wireName());
            }
        }
        json.put("updatedAt", w.updatedAt().toString());
        return json;
    }

    public static ObjectNode write(WebhookDelivery d) {
        ObjectNode json = JsonCodec.object();
        json.put("id", d.id());
        json.put("webhook", d.webhookKey());
        json.put("event", d.event().wireName());
        json.put("status", d.status().name());
        json.put("attempts", d.attempts());
        json.put("lastError", d.lastError());
        json.put("createdAt", d.createdAt().toString());
        json.put("nextAttemptAt", d.nextAttemptAt() == null ? null : d.nextAttemptAt().toString());
        json.put("deliveredAt", d.deliveredAt() == null ? null : d.deliveredAt().toString());
        return json;
    }
}
