package io.tidings.api.webhook;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.ValidationException;

/**
 * The webhooks to the host: their registrations, the events published to them and their
 * deliveries. A delivery is a row in the store, posted at least once with retries and backoff
 * until the host answers 2xx or it grows too old (then FAILED, and an administrator may redrive it).
 */
@ProviderType
public interface Webhooks {

    List<Webhook> webhooks();

    Optional<Webhook> webhook(String key);

    /**
     * Registers a webhook, or changes the one of that key.
     *
     * @param secret the signing secret; null or blank keeps the stored one (required for a new webhook)
     * @param events event names ({@link WebhookEvent#wireName()}), at least one
     * @return the webhook as stored
     * @throws ValidationException naming {@code key}, {@code url}, {@code secret} or {@code events}
     */
    Webhook save(String key, String url, String secret, List<String> events);

    /** Removes the webhook and its deliveries. @return false when there was none */
    boolean delete(String key);

    /**
     * Queues a delivery of the event to every webhook that subscribes to it. {@code data} holds ids,
     * statuses and names, never a message body.
     */
    void publish(WebhookEvent event, Map<String, Object> data);

    /** The newest deliveries of a webhook, of one status when given, at most {@code limit}. */
    List<WebhookDelivery> deliveries(String key, WebhookDeliveryStatus status, int limit);

    /**
     * Makes a FAILED delivery due now, with a new allowance of attempts and its same id.
     *
     * @return the delivery as re-queued; empty when the webhook has no such delivery
     * @throws IllegalStateException when the delivery is not FAILED
     */
    Optional<WebhookDelivery> redrive(String key, String deliveryId);
}
