package io.tidings.core.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.tidings.api.ValidationException;
import io.tidings.api.webhook.Webhook;
import io.tidings.api.webhook.WebhookDelivery;
import io.tidings.api.webhook.WebhookDeliveryStatus;
import io.tidings.api.webhook.WebhookEvent;
import io.tidings.api.webhook.Webhooks;
import io.tidings.core.store.WebhookPayload;
import io.tidings.core.store.WebhookRepository;
import io.tidings.core.store.WebhookRepository.Publication;

/**
 * The webhooks to the host. The store queues the deliveries of status changes in the transaction
 * that records each change ({@link WebhookPayload#status}); link responses and SMS replies are
 * queued as they are published. The secret is write-only: it is stored to sign deliveries and never returned or logged.
 */
@Component(service = Webhooks.class, configurationPid = CoreWebhooks.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WebhookConfiguration.class)
public class CoreWebhooks implements Webhooks {

    public static final String PID = "io.tidings.webhooks";
    static final int MAX_KEY = 100;
    static final int MAX_URL = 2000;
    static final int MAX_SECRET = 500;

    @Reference
    private WebhookRepository store;

    private final Clock clock = Clock.systemUTC();
    private WebhookWorker worker;

    public CoreWebhooks() {
    }

    /** Outside a framework (tests): started with {@link #configure}. */
    public CoreWebhooks(WebhookRepository store) {
        this.store = store;
    }

    @Activate
    public void configure(WebhookConfiguration config) {
        worker = new WebhookWorker(store, clock, WebhookWorker.Settings.of(config));
        worker.start();
    }

    @Modified
    void modified(WebhookConfiguration config) {
        worker.settings(WebhookWorker.Settings.of(config));
    }

    @Deactivate
    public void stop() {
        worker.stop();
    }

    @Override
    public void publish(WebhookEvent event, Map<String, Object> data) {
        if (event == null || !worker.subscribes(event)) {
            return;
        }
        store.enqueue(List.of(publication(event, data)));
        worker.wake();
    }

    private Publication publication(WebhookEvent event, Map<String, Object> data) {
        Instant at = clock.instant();
        Map<String, Object> copy = new HashMap<>(data);
        return new Publication(event, at, id -> WebhookPayload.write(id, event, at, copy));
    }

    @Override
    public List<Webhook> webhooks() {
        return store.list();
    }

    @Override
    public Optional<Webhook> webhook(String key) {
        return key == null ? Optional.empty() : store.find(key);
    }

    @Override
    public Webhook save(String key, String url, String secret, List<String> events) {
        checkKey(key);
        String target = checkUrl(url);
        Set<WebhookEvent> subscribed = checkEvents(events);
        boolean newSecret = secret != null && !secret.isBlank();
        if (newSecret && secret.length() > MAX_SECRET) {
            throw new ValidationException("secret", "must be at most " + MAX_SECRET + " characters");
        }
        if (!newSecret && store.find(key).isEmpty()) {
            throw new ValidationException("secret", "is required for a new webhook: the host verifies the "
                    + "signature of each delivery with it");
        }
        Webhook saved = store.save(key, target, newSecret ? secret : null, subscribed, clock.instant());
        worker.refreshSubscriptions();
        return saved;
    }

    @Override
    public boolean delete(String key) {
        boolean deleted = key != null && store.delete(key);
        worker.refreshSubscriptions();
        return deleted;
    }

    @Override
    public List<WebhookDelivery> deliveries(String key, WebhookDeliveryStatus status, int limit) {
        return store.deliveries(key, status, Math.max(1, Math.min(limit, 1000)));
    }

    @Override
    public Optional<WebhookDelivery> redrive(String key, String deliveryId) {
        Optional<WebhookDelivery> delivery = store.delivery(key, deliveryId);
        if (delivery.isEmpty()) {
            return delivery;
        }
        if (!store.redrive(key, deliveryId, clock.instant())) {
            throw new IllegalStateException("delivery " + deliveryId + " is " + delivery.get().status()
                    + "; only a FAILED delivery can be redriven");
        }
        worker.wake();
        return store.delivery(key, deliveryId);
    }

    static void checkKey(String key) {
        if (key == null || key.isBlank()) {
            throw new ValidationException("key", "is required: a name for the webhook, such as 'crm'");
        }
        if (key.length() > MAX_KEY || !key.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new ValidationException("key", "must be at most " + MAX_KEY + " letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit, was '" + key + "'");
        }
    }

    static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new ValidationException("url", "is required: the http or https address deliveries are posted to");
        }
        String written = url.strip();
        if (written.length() > MAX_URL) {
            throw new ValidationException("url", "must be at most " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(written);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new ValidationException("url", "must be an absolute http:// or https:// address with a host, was '"
                        + written + "'");
            }
            if (uri.getUserInfo() != null) {
                throw new ValidationException("url", "must not hold a user name or password: deliveries are "
                        + "authenticated by their signature");
            }
        } catch (URISyntaxException e) {
            throw new ValidationException("url", "is not a valid address: " + e.getReason() + ", was '" + written + "'");
        }
        return written;
    }

    static Set<WebhookEvent> checkEvents(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw new ValidationException("events", "must name at least one of " + WebhookEvent.names());
        }
        Set<WebhookEvent> parsed = EnumSet.noneOf(WebhookEvent.class);
        for (int i = 0; i < events.size(); i++) {
            parsed.add(WebhookEvent.parse(events.get(i), "events[" + i + "]"));
        }
        return parsed;
    }
}
