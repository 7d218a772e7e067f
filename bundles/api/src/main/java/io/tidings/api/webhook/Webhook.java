package io.tidings.api.webhook;

import java.time.Instant;
import java.util.Set;

/**
 * A registered endpoint of the host. Its secret is write-only: it signs deliveries and is never
 * given back, so the record only says whether one is set.
 *
 * @param key       the administrator's name for it
 * @param url       where deliveries are posted (http or https)
 * @param events    what it is told of
 * @param secretSet whether a signing secret is stored
 * @param updatedAt when it was last saved
 */
public record Webhook(String key, String url, Set<WebhookEvent> events, boolean secretSet, Instant updatedAt) {
}
