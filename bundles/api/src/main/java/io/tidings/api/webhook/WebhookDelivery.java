package io.tidings.api.webhook;

import java.time.Instant;

/**
 * One event to one webhook: posted until the host answers 2xx, with the same id (the
 * {@code X-Tidings-Delivery} header) on every attempt, so a host recognises a repeat.
 *
 * @param nextAttemptAt when it is tried next; null when DELIVERED or FAILED
 * @param lastError     what went wrong on the last attempt (a status code, a timeout), null when none did
 * @param deliveredAt   when the host accepted it, null until then
 */
public record WebhookDelivery(String id, String webhookKey, WebhookEvent event, WebhookDeliveryStatus status,
        int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {
}
