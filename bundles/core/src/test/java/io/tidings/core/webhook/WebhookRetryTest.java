package io.tidings.core.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.Test;

/** Retries back off exponentially up to the longest wait, and stop at the maximum age. */
public class WebhookRetryTest {

    private static final Instant QUEUED = Instant.parse("2026-12-07T09:00:00Z");
    private final WebhookRetry retry = new WebhookRetry(Duration.ofSeconds(10), Duration.ofMinutes(5),
            Duration.ofHours(1));

    @Test
    public void theWaitDoublesUpToTheLongestWait() {
        assertEquals(Duration.ofSeconds(10), retry.nominal(1));
        assertEquals(Duration.ofSeconds(20), retry.nominal(2));
        assertEquals(Duration.ofSeconds(40), retry.nominal(3));
        assertEquals(Duration.ofSeconds(160), retry.nominal(5));
        assertEquals(Duration.ofMinutes(5), retry.nominal(6));
        assertEquals(Duration.ofMinutes(5), retry.nominal(40));
    }

    @Test
    public void theNextAttemptIsWithinTheJitterOfTheNominalWait() {
        for (int attempt = 1; attempt < 8; attempt++) {
            Instant now = QUEUED.plusSeconds(attempt);
            long wait = Duration.between(now, retry.next(attempt, QUEUED, now)).toMillis();
            long nominal = retry.nominal(attempt).toMillis();
            assertTrue(attempt + ": " + wait, wait >= nominal * 0.8 - 1 && wait <= nominal * 1.2 + 1);
        }
    }

    @Test
    public void noAttemptIsPlannedPastTheMaximumAge() {
        Instant late = QUEUED.plus(Duration.ofMinutes(56));
        assertNull("the next try would be past the hour", retry.next(8, QUEUED, late));
        assertNull(retry.next(1, QUEUED, QUEUED.plus(Duration.ofHours(2))));
        Instant redriven = late;
        assertTrue("a redrive counts its age anew", retry.next(1, redriven, late) != null);
    }
}
