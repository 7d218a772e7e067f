package io.tidings.channel.smpp;

import java.util.Arrays;

/**
 * At most {@code maxTps} submit_sm in any one-second interval, as the SMSC sees them. The last
 * {@code maxTps} permits are kept, and a new one waits until the oldest has been answered for a
 * second. A permit counts from the SMSC's answer, not from when it was granted: the answer comes
 * after the SMSC received the submit, so however the network or the scheduler delays one submit
 * and not the next, no one-second interval at the SMSC (sliding, or a calendar second) sees more
 * than the limit. The price is one round trip per {@code maxTps} submits.
 */
final class TpsLimiter {

    private static final long SECOND_NANOS = 1_000_000_000L;

    /** One submit_sm's place in the window. */
    static final class Permit {
        /** Not yet answered: the window cannot move past it. */
        private static final long IN_FLIGHT = Long.MAX_VALUE;
        private static final long UNUSED = Long.MIN_VALUE;

        private long answeredAt = IN_FLIGHT;
    }

    private static final Permit FREE = new Permit();

    static {
        FREE.answeredAt = Permit.UNUSED;
    }

    private Permit[] window;
    private int next;

    TpsLimiter(int maxTps) {
        this.window = free(maxTps);
    }

    private static Permit[] free(int maxTps) {
        Permit[] slots = new Permit[Math.max(1, maxTps)];
        Arrays.fill(slots, FREE);
        return slots;
    }

    /** Blocks until a submit_sm may go; {@link #answered} must follow, whatever the outcome. */
    synchronized Permit acquire() throws InterruptedException {
        while (true) {
            long oldest = window[next].answeredAt;
            if (oldest == Permit.IN_FLIGHT) {
                wait(1_000); // until it is answered
                continue;
            }
            long left = oldest == Permit.UNUSED ? 0 : oldest + SECOND_NANOS - System.nanoTime();
            if (left <= 0) {
                Permit permit = new Permit();
                window[next] = permit;
                next = (next + 1) % window.length;
                return permit;
            }
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** The SMSC answered the submit (or it failed, or it never went out: then it counts from now too). */
    synchronized void answered(Permit permit) {
        if (permit.answeredAt == Permit.IN_FLIGHT) {
            permit.answeredAt = System.nanoTime();
            notifyAll();
        }
    }

    /** A new limit takes effect at once, keeping the permits of the last second. */
    synchronized void rate(int maxTps) {
        int size = Math.max(1, maxTps);
        if (size == window.length) {
            return;
        }
        Permit[] resized = free(size);
        // copy the newest permits, oldest first, so the window stays honest across the change
        int keep = Math.min(size, window.length);
        for (int k = 0; k < keep; k++) {
            resized[k] = window[Math.floorMod(next - keep + k, window.length)];
        }
        window = resized;
        next = keep % size;
        notifyAll();
    }

    synchronized int rate() {
        return window.length;
    }
}
