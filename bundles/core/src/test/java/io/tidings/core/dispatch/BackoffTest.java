package io.tidings.core.dispatch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import org.junit.Test;

public class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), 0.2);

    @Test
    public void doublesFromTheBaseUntilTheCap() {
        assertEquals(Duration.ofSeconds(2), backoff.nominal(1));
        assertEquals(Duration.ofSeconds(4), backoff.nominal(2));
        assertEquals(Duration.ofSeconds(8), backoff.nominal(3));
        assertEquals(Duration.ofSeconds(512), backoff.nominal(9));
        assertEquals(Duration.ofMinutes(10), backoff.nominal(10));
        assertEquals(Duration.ofMinutes(10), backoff.nominal(1000));
    }

    @Test
    public void jitterStaysWithinItsBand() {
        for (int attempt = 1; attempt < 12; attempt++) {
            long nominal = backoff.nominal(attempt).toMillis();
            for (int i = 0; i < 200; i++) {
                long delay = backoff.delay(attempt).toMillis();
                assertTrue(delay + " outside band of " + nominal, delay >= nominal * 0.8 - 1 && delay <= nominal * 1.2 + 1);
            }
        }
    }

    @Test
    public void jitterSpreadsRetries() {
        long first = backoff.delay(5).toMillis();
        boolean differs = false;
        for (int i = 0; i < 50 && !differs; i++) {
            differs = backoff.delay(5).toMillis() != first;
        }
        assertTrue("50 delays with jitter were all equal", differs);
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsAZeroBase() {
        new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0.1);
    }
}
