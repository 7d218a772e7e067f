package io.tidings.core.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.webhook.WebhookEvent;
import io.tidings.core.store.WebhookRepository;
import io.tidings.core.store.WebhookRepository.DueDelivery;
import io.tidings.core.support.TidingsThreads;

/**
 * The node's webhook loop: claims due deliveries (a lease, so each is posted by one node at a time), posts them and
 * records each outcome; between rounds it waits for the poll interval or for news.
 */
final class WebhookWorker {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
    private static final int BATCH = 20;
    private static final Duration SUBSCRIPTIONS_FRESH = Duration.ofSeconds(5);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    /** What a round needs from the configuration. */
    record Settings(WebhookRetry retry, Duration timeout, Duration poll, Duration keep) {
        static Settings of(WebhookConfiguration config) {
            return new Settings(WebhookRetry.of(config), Duration.ofSeconds(Math.max(1, config.timeoutSeconds())),
                    Duration.ofMillis(Math.max(50, config.pollMillis())), Duration.ofDays(Math.max(1, config.keepDays())));
        }
    }

    private final WebhookRepository store;
    private final Clock clock;
    private final Object wake = new Object();
    private volatile Settings settings;
    private volatile WebhookSender sender;
    private volatile Set<WebhookEvent> subscribed = EnumSet.noneOf(WebhookEvent.class);
    private volatile Instant subscriptionsRead = Instant.EPOCH;
    private Instant purged = Instant.EPOCH;
    private volatile boolean running;
    private Thread thread;

    WebhookWorker(WebhookRepository store, Clock clock, Settings settings) {
        this.store = store;
        this.clock = clock;
        settings(settings);
    }

    void settings(Settings next) {
        settings = next;
        sender = new WebhookSender(next.timeout());
    }

    synchronized void start() {
        running = true;
        refreshSubscriptions();
        try {
            int released = store.releaseOwnClaims(clock.instant());
            if (released > 0) {
                LOG.info("Webhooks: {} delivery(ies) this node held when it stopped are due again", released);
            }
        } catch (RuntimeException e) {
            LOG.warn("Webhooks: the deliveries this node held are left to their leases: {}", e.toString());
        }
        thread = TidingsThreads.daemon("tidings-webhooks", this::loop);
        thread.start();
    }

    synchronized void stop() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(settings.timeout().toMillis() * 3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    boolean subscribes(WebhookEvent event) {
        return subscribed.contains(event);
    }

    /** Reads which events webhooks subscribe to, after a registration changed or now and then (other nodes). */
    void refreshSubscriptions() {
        try {
            subscribed = store.subscribed();
            subscriptionsRead = clock.instant();
        } catch (RuntimeException e) {
            LOG.warn("Webhooks: reading the subscriptions failed: {}", e.toString());
        }
    }

    void wake() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            int claimed = 0;
            try {
                if (clock.instant().isAfter(subscriptionsRead.plus(SUBSCRIPTIONS_FRESH))) {
                    refreshSubscriptions();
                }
                claimed = round();
                purge();
            } catch (RuntimeException e) {
                LOG.warn("Webhooks: a round failed, trying again shortly: {}", e.toString());
            }
            if (claimed < BATCH) {
                synchronized (wake) {
                    try {
                        wake.wait(settings.poll().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** Now and then, forgets the deliveries older than the configured days (every node may; it is idempotent). */
    private void purge() {
        Instant now = clock.instant();
        if (now.isAfter(purged.plus(PURGE_EVERY))) {
            purged = now;
            int forgotten = store.purge(now.minus(settings.keep()));
            if (forgotten > 0) {
                LOG.debug("Webhooks: {} old deliveries forgotten", forgotten);
            }
        }
    }

    /** Claims, posts and records one batch. @return how many it claimed */
    private int round() {
        Settings s = settings;
        WebhookSender post = sender;
        Instant now = clock.instant();
        // the lease outlasts the longest attempt, so no other node posts it meanwhile
        List<DueDelivery> due = store.claim(now, now.plus(s.timeout().multipliedBy(3)).plusSeconds(30), BATCH);
        List<CompletableFuture<Void>> attempts = new ArrayList<>();
        for (DueDelivery delivery : due) {
            attempts.add(post.post(delivery).thenAccept(outcome -> record(delivery, outcome, s.retry())));
        }
        CompletableFuture.allOf(attempts.toArray(new CompletableFuture<?>[0]))
                .orTimeout(s.timeout().toMillis() * 3, TimeUnit.MILLISECONDS).exceptionally(e -> null).join();
        return due.size();
    }

    private void record(DueDelivery delivery, WebhookSender.Outcome outcome, WebhookRetry retry) {
        int attempts = delivery.attempts() + 1;
        Instant now = clock.instant();
        try {
            if (outcome.delivered()) {
                store.delivered(delivery.id(), attempts, now);
                return;
            }
            Instant next = retry.next(attempts, delivery.queuedAt(), now);
            store.failed(delivery.id(), attempts, outcome.error(), next);
            if (next == null) {
                LOG.info("Webhook {}: delivery {} FAILED after {} attempt(s), the last: {}", delivery.webhookKey(),
                        delivery.id(), attempts, outcome.error());
            } else {
                LOG.debug("Webhook {}: delivery {} attempt {} failed ({}), next at {}", delivery.webhookKey(),
                        delivery.id(), attempts, outcome.error(), next);
            }
        } catch (RuntimeException e) {
            // its lease ends and it is posted again: at least once
            LOG.warn("Webhook {}: recording delivery {} failed: {}", delivery.webhookKey(), delivery.id(), e.toString());
        }
    }
}
