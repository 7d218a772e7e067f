package io.tidings.api.access;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

public class LoginThrottleTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofSeconds(60), nanos::get);

    private void seconds(long s) {
        nanos.addAndGet(Duration.ofSeconds(s).toNanos());
    }

    @Test
    public void aUserIsBlockedAfterItsFailuresUntilTheWindowEnds() {
        throttle.failed("mallory", "10.0.0.1");
        throttle.failed("mallory", "10.0.0.2");
        assertEquals(0, throttle.blockedFor("mallory", "10.0.0.3"));
        throttle.failed("mallory", "10.0.0.3");

        assertEquals(60, throttle.blockedFor("mallory", "10.0.0.9"));
        assertEquals("another user from the same address is not", 0, throttle.blockedFor("alice", "10.0.0.1"));
        seconds(45);
        assertEquals(15, throttle.blockedFor("mallory", "10.0.0.9"));
        seconds(15);
        assertEquals(0, throttle.blockedFor("mallory", "10.0.0.9"));
    }

    @Test
    public void anAddressIsBlockedAfterItsFailuresWhateverTheUserNames() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user-" + i, "10.0.0.1");
        }
        assertEquals(60, throttle.blockedFor("karaf", "10.0.0.1"));
        assertEquals(60, throttle.blockedFor(null, "10.0.0.1"));
        assertEquals(0, throttle.blockedFor("karaf", "10.0.0.2"));
    }

    @Test
    public void aSuccessClearsTheUsersCountButNotTheAddresss() {
        throttle.failed("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        throttle.succeeded("alice");
        throttle.failed("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        assertEquals(0, throttle.blockedFor("alice", "10.0.0.2"));
        throttle.failed("alice", "10.0.0.1");
        assertEquals("five failures from the address", 60, throttle.blockedFor("bob", "10.0.0.1"));
    }

    @Test
    public void aNewWindowStartsAfterTheLastEnded() {
        throttle.failed("mallory", "10.0.0.1");
        throttle.failed("mallory", "10.0.0.1");
        seconds(61);
        throttle.failed("mallory", "10.0.0.1");
        assertEquals(0, throttle.blockedFor("mallory", "10.0.0.2"));
    }

    @Test
    public void zeroCountsNothing() {
        LoginThrottle off = new LoginThrottle(0, 0, Duration.ofSeconds(60), nanos::get);
        for (int i = 0; i < 100; i++) {
            off.failed("mallory", "10.0.0.1");
        }
        assertEquals(0, off.blockedFor("mallory", "10.0.0.1"));
    }
}
