package io.tidings.api.webhook;

/** Where a delivery stands: waiting for its next attempt, accepted by the host (2xx), or given up. */
public enum WebhookDeliveryStatus {
    PENDING, DELIVERED, FAILED
}
