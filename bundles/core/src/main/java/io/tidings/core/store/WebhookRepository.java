package io.tidings.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.webhook.Webhook;
import io.tidings.api.webhook.WebhookDelivery;
import io.tidings.api.webhook.WebhookDeliveryStatus;
import io.tidings.api.webhook.WebhookEvent;

/**
 * Webhook registrations (with their secrets, which only the sender reads) and the durable queue of
 * their deliveries. Several nodes share the queue: a claim leases a delivery to one node until its
 * lease ends, as the message queue does.
 */
@ProviderType
public interface WebhookRepository {

    /** An event to queue for every subscriber; {@code body} writes the JSON of the delivery with the given id. */
    record Publication(WebhookEvent event, Instant at, Function<String, String> body) {
    }

    /** A claimed delivery with what posting it needs. */
    record DueDelivery(String id, String webhookKey, String url, String secret, String body, int attempts,
            Instant queuedAt) {
    }

    /** Saves the webhook; a null {@code secret} keeps the stored one. @return it as stored */
    Webhook save(String key, String url, String secret, Set<WebhookEvent> events, Instant at);

    Optional<Webhook> find(String key);

    /** Ordered by key. */
    List<Webhook> list();

    /** Removes the webhook with its deliveries. */
    boolean delete(String key);

    /** The events some webhook subscribes to now. */
    Set<WebhookEvent> subscribed();

    /** One PENDING delivery, due at once, per subscribing webhook and publication, in one transaction. @return how many */
    int enqueue(List<Publication> publications);

    /** Leases up to {@code limit} due deliveries to this node until {@code leaseUntil}, oldest due first. */
    List<DueDelivery> claim(Instant now, Instant leaseUntil, int limit);

    /**
     * Makes the PENDING deliveries this node had claimed due at {@code now}: called when the node
     * starts, for what it held when it stopped or died, so they need not wait for their leases.
     * @return how many
     */
    int releaseOwnClaims(Instant now);

    /** The host accepted it. */
    void delivered(String id, int attempts, Instant at);

    /** An attempt failed: due again at {@code nextAttempt}, or FAILED when that is null. */
    void failed(String id, int attempts, String error, Instant nextAttempt);

    /** Newest first; any status when {@code status} is null. */
    List<WebhookDelivery> deliveries(String key, WebhookDeliveryStatus status, int limit);

    Optional<WebhookDelivery> delivery(String key, String id);

    /** Forgets the DELIVERED and FAILED deliveries created before {@code before}. @return how many */
    int purge(Instant before);

    /** A FAILED delivery PENDING again, due and counting its age from {@code now}. @return false when it was not FAILED */
    boolean redrive(String key, String id, Instant now);
}
