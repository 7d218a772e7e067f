package io.tidings.core.dispatch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for transient failures: base × 2^(attempt−1), capped, then
 * spread by ±jitter so that a burst of failures does not retry in lockstep.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final double jitter;

    public Backoff(Duration base, Duration max, double jitter) {
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("base must be positive");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        this.base = base;
        this.max = max.compareTo(base) < 0 ? base : max;
        this.jitter = jitter;
    }

    /** The undisturbed delay before the given retry (attempt 1 = after the first failure). */
    /** The longest wait between two attempts. */
    public Duration max() {
        return max;
    }

    /**
     * A provider's own wait ({@code Retry-After}), bounded by {@link #max()}: a gateway that asks
     * for a day must not park a message that long, nor one that asks for nothing (or less) spin.
     */
    public Duration capped(Duration requested, int attempt) {
        if (requested == null || requested.isNegative() || requested.isZero()) {
            return delay(attempt);
        }
        return requested.compareTo(max) > 0 ? max : requested;
    }

    public Duration nominal(int attempt) {
        int exponent = Math.max(0, Math.min(attempt - 1, 30));
        long millis = base.toMillis() << exponent;
        if (millis <= 0 || millis > max.toMillis()) {
            return max;
        }
        return Duration.ofMillis(millis);
    }

    /** The delay with jitter applied: within nominal × [1 − jitter, 1 + jitter]. */
    public Duration delay(int attempt) {
        long nominal = nominal(attempt).toMillis();
        double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * jitter;
        return Duration.ofMillis(Math.max(1, Math.round(nominal * factor)));
    }
}
