package io.tidings.core.support;

/**
 * Events per second over the last ten whole seconds, for monitoring (JMX): a ring of one-second
 * buckets, so reading it costs nothing whatever the rate.
 */
public final class RateMeter {

    private static final int SECONDS = 10;

    private final long[] buckets = new long[SECONDS];
    private long second = -1;

    public synchronized void mark(long count, long nowMillis) {
        advance(nowMillis / 1000);
        buckets[(int) (second % SECONDS)] += count;
    }

    /** The mean rate of the last ten whole seconds (the current second is not over). */
    public synchronized double perSecond(long nowMillis) {
        advance(nowMillis / 1000);
        long sum = 0;
        for (int i = 1; i <= SECONDS; i++) {
            sum += buckets[(int) ((second - i + SECONDS * 2L) % SECONDS)];
        }
        return sum / (double) SECONDS;
    }

    private void advance(long now) {
        if (second < 0) {
            second = now;
            return;
        }
        long gap = Math.min(now - second, SECONDS);
        for (long s = 1; s <= gap; s++) {
            buckets[(int) ((second + s) % SECONDS)] = 0;
        }
        if (now > second) {
            second = now;
        }
    }
}
