package io.tidings.api.access;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed logins counted per user name and per remote address in fixed windows, shared by the REST
 * API's logins and the web console's: once either reaches its limit, every login of that user or
 * from that address is refused until the window ends, correct credentials included, so that
 * guessing costs the window's length. A success clears the user's count, not the address's (else
 * one known account would reset a guesser's count).
 */
public final class LoginThrottle {

    /** Bounds memory under a flood of distinct names or addresses; ended windows go first. */
    private static final int MAX_TRACKED = 10_000;

    private static final class Window {
        final long start;
        int failures;

        Window(long start) {
            this.start = start;
        }
    }

    private final int perUser;
    private final int perAddress;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Map<String, Window> users = new HashMap<>();
    private final Map<String, Window> addresses = new HashMap<>();

    /**
     * @param perUser    failures of one user name within a window that block it; 0: not counted
     * @param perAddress failures from one address within a window that block it; 0: not counted
     * @param clock      nanoseconds, as {@link System#nanoTime()}
     */
    public LoginThrottle(int perUser, int perAddress, Duration window, LongSupplier clock) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.windowNanos = Math.max(1, window.toNanos());
        this.clock = clock;
    }

    /** @return how many seconds the user or address must wait, 0 when it may log in */
    public synchronized long blockedFor(String user, String address) {
        long now = clock.getAsLong();
        return Math.max(remaining(users, user, perUser, now), remaining(addresses, address, perAddress, now));
    }

    public synchronized void failed(String user, String address) {
        long now = clock.getAsLong();
        count(users, user, perUser, now);
        count(addresses, address, perAddress, now);
    }

    public synchronized void succeeded(String user) {
        if (user != null) {
            users.remove(user);
        }
    }

    private long remaining(Map<String, Window> windows, String key, int limit, long now) {
        Window window = key == null || limit <= 0 ? null : windows.get(key);
        if (window == null || window.failures < limit) {
            return 0;
        }
        long left = window.start + windowNanos - now;
        return left <= 0 ? 0 : Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    private void count(Map<String, Window> windows, String key, int limit, long now) {
        if (key == null || limit <= 0) {
            return;
        }
        Window window = windows.get(key);
        if (window == null || now - window.start >= windowNanos) {
            if (windows.size() >= MAX_TRACKED) {
                windows.values().removeIf(w -> now - w.start >= windowNanos);
                if (windows.size() >= MAX_TRACKED) {
                    windows.clear();
                }
            }
            window = new Window(now);
            windows.put(key, window);
        }
        window.failures++;
    }
}
