package io.tidings.channel.smpp;

/**
 * At most {@code maxTps} permits in any one-second interval: the times of the last {@code maxTps}
 * permits are kept, and a new one waits until the oldest is a second old. A sliding window, so
 * that no calendar second either, as an SMSC counts, sees more than the limit.
 */
final class TpsLimiter {

    private static final long SECOND_NANOS = 1_000_000_000L;

    private long[] issued;
    private int next;

    TpsLimiter(int maxTps) {
        this.issued = new long[Math.max(1, maxTps)];
        java.util.Arrays.fill(issued, Long.MIN_VALUE);
    }

    /** Blocks until a submit_sm may go. */
    synchronized void acquire() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            long oldest = issued[next];
            long wait = oldest == Long.MIN_VALUE ? 0 : oldest + SECOND_NANOS - now;
            if (wait <= 0) {
                issued[next] = now;
                next = (next + 1) % issued.length;
                return;
            }
            long millis = wait / 1_000_000;
            wait(millis, (int) (wait % 1_000_000));
        }
    }

    /** A new limit takes effect at once, keeping the permits of the last second. */
    synchronized void rate(int maxTps) {
        int size = Math.max(1, maxTps);
        if (size == issued.length) {
            return;
        }
        long[] resized = new long[size];
        java.util.Arrays.fill(resized, Long.MIN_VALUE);
        // copy the newest permits, oldest first, so the window stays honest across the change
        int keep = Math.min(size, issued.length);
        for (int k = 0; k < keep; k++) {
            int from = Math.floorMod(next - keep + k, issued.length);
            resized[k] = issued[from];
        }
        issued = resized;
        next = keep % size;
        notifyAll();
    }

    synchronized int rate() {
        return issued.length;
    }
}
