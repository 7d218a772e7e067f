package io.tidings.core.webhook;

import java.time.Duration;
import java.time.Instant;

import io.tidings.core.dispatch.Backoff;

/**
 * When a failed delivery is tried again: exponential backoff with jitter, and never past its
 * maximum age counted from when it was queued (or redriven) — then it is FAILED.
 */
public final class WebhookRetry {

    private final Backoff backoff;
    private final Duration maxAge;

    public WebhookRetry(Duration initial, Duration max, Duration maxAge) {
        this.backoff = new Backoff(initial, max, 0.2);
        this.maxAge = maxAge;
    }

    static WebhookRetry of(WebhookConfiguration config) {
        return new WebhookRetry(Duration.ofSeconds(Math.max(1, config.retryInitialSeconds())),
                Duration.ofSeconds(Math.max(1, config.retryMaxSeconds())),
                Duration.ofSeconds(Math.max(1, config.maxAgeSeconds())));
    }

    /**
     * @param attempts the attempts made so far, the failed one included
     * @return when to try again, or null when the delivery is too old for another attempt
     */
    public Instant next(int attempts, Instant queuedAt, Instant now) {
        Instant next = now.plus(backoff.delay(attempts));
        return next.isAfter(queuedAt.plus(maxAge)) ? null : next;
    }

    /** The nominal wait after {@code attempts} failures, without jitter (for the README's schedule and tests). */
    public Duration nominal(int attempts) {
        return backoff.nominal(attempts);
    }
}
