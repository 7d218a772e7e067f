package io.tidings.core.dispatch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.Medium;

public class HousekeepingTest {

    private final InMemoryQueue queue = new InMemoryQueue();
    private final ChannelRegistry channels = new ChannelRegistry();
    private final AtomicInteger wakes = new AtomicInteger();

    @Test
    public void anExpiredLeaseGoesBackToTheQueueAndWakesTheClaimLoop() {
        // claimed half an hour ago, its lease long run out: its send is no longer in progress
        queue.add(InMemoryQueue.queued("c-1", "e-1", Medium.SMS, "+380671234567", 0), null,
                Instant.now().minusSeconds(3600));
        queue.claimDue(Instant.now().minusSeconds(1800), 10, Instant.now().minusSeconds(1));
        try (Housekeeping housekeeping = new Housekeeping(queue, queue, channels, Clock.systemUTC(), wakes::incrementAndGet, Duration.ofHours(1), Fakes.settings(10, 6))) {
            housekeeping.sweep(Instant.now());
        }
        assertEquals(CommunicationStatus.QUEUED, queue.get("c-1").status());
        assertEquals(1, wakes.get());
    }

    @Test
    public void aSendInProgressKeepsItsRowAndWhatTheNodeHeldWhenItStoppedIsQueuedAgainAtStart() {
        queue.add(InMemoryQueue.queued("c-1", "e-1", Medium.SMS, "+380671234567", 0), null, Instant.now().minusSeconds(5));
        queue.add(InMemoryQueue.queued("c-2", "e-2", Medium.SMS, "+4520123456", 0), null, Instant.now().minusSeconds(5));
        queue.claimDue(Instant.now(), 10, Instant.now().plusMillis(200));
        queue.markHandedOver(java.util.List.of("c-1"));
        try (Housekeeping housekeeping = new Housekeeping(queue, queue, channels, Clock.systemUTC(), wakes::incrementAndGet,
                Duration.ofHours(1), Fakes.settings(10, 6))) {
            housekeeping.sweep(Instant.now());
            housekeeping.sweep(Instant.now().plusSeconds(1));
            assertEquals("renewed while its send is in progress", CommunicationStatus.SENDING,
                    queue.get("c-1").status());
        }
        // the node restarts: what it held is queued again at once, flagged only where a channel had it
        try (Housekeeping restarted = new Housekeeping(queue, queue, channels, Clock.systemUTC(), wakes::incrementAndGet,
                Duration.ofHours(1), Fakes.settings(10, 6))) {
            restarted.start();
        }
        assertEquals(CommunicationStatus.QUEUED, queue.get("c-1").status());
        assertEquals("outcome unknown", queue.get("c-1").statusReason());
        assertEquals("not handed over", queue.get("c-2").statusReason());
        assertEquals("the interrupted attempt counts", 1, queue.get("c-2").attempts());
    }

    @Test
    public void rowsWaitingForAChannelThatHasArrivedAreWoken() {
        queue.add(InMemoryQueue.queued("c-1", "e-1", Medium.SMS, "+380671234567", 0), null, null);
        try (Housekeeping housekeeping = new Housekeeping(queue, queue, channels, Clock.systemUTC(), wakes::incrementAndGet, Duration.ofHours(1), Fakes.settings(10, 6))) {
            housekeeping.sweep(Instant.now());
            assertEquals("no channel: nothing to wake", 0, wakes.get());
            channels.add(new Fakes.Recording(), Fakes.route("smpp-main", "SMS", 0));
            housekeeping.sweep(Instant.now());
        }
        assertEquals(1, wakes.get());
        assertTrue(queue.dueAt("c-1") != null);
    }

    @Test
    public void retentionPurgesAtMostOnceAnHour() {
        Instant now = Instant.now();
        try (Housekeeping housekeeping = new Housekeeping(queue, queue, channels, Clock.systemUTC(), () -> { }, Duration.ofHours(1), Fakes.settings(10, 6))) {
            housekeeping.sweep(now);
            assertTrue("no retention: nothing purged", queue.purges.isEmpty());
            housekeeping.retention(Duration.ofDays(30));
            housekeeping.sweep(now);
            housekeeping.sweep(now.plusSeconds(10));
            assertEquals(java.util.List.of(now.minus(Duration.ofDays(30))), queue.purges);
            housekeeping.sweep(now.plus(Housekeeping.PURGE_INTERVAL));
            assertEquals(2, queue.purges.size());
        }
    }
}
