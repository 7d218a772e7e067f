package io.tidings.rest.health;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.After;
import org.junit.Test;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.NotificationService;

public class StoreProbeTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private StoreProbe probe;

    @After
    public void close() {
        release.countDown();
        if (probe != null) {
            probe.close();
        }
    }

    /** A notification service that answers the counts (and the QUEUED listing) only. */
    private static NotificationService record(Supplier<Map<CommunicationStatus, Long>> counts,
            List<Communication> queued, AtomicInteger calls) {
        return (NotificationService) Proxy.newProxyInstance(StoreProbeTest.class.getClassLoader(),
                new Class<?>[] {NotificationService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "countByStatus" -> {
                        calls.incrementAndGet();
                        yield counts.get();
                    }
                    case "communications" -> queued;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Communication queued(Medium medium) {
        return new Communication("c-" + medium, "e-1", new EntityRef("order", "1"), "rule", "template", 1, medium, null,
                "someone", "uk", CommunicationStatus.QUEUED, null, 0, null, Instant.EPOCH, null, null, null, null);
    }

    @Test
    public void aHungStoreAnswersWithinTheTimeoutAndIsNotAskedAgainWhileItHangs() throws Exception {
        probe = new StoreProbe(Duration.ofMillis(200), Duration.ZERO);
        AtomicInteger calls = new AtomicInteger();
        NotificationService hung = record(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of();
        }, List.of(), calls);

        StoreReading first = probe.read(hung, Set.of());
        assertFalse(first.reached());
        assertEquals("no answer within 200 ms", first.failure());

        assertFalse(probe.read(hung, Set.of()).reached());
        assertEquals("the hung query is awaited again, not joined by a second", 1, calls.get());

        release.countDown();
        // the hung query returns at last; from then on each check asks afresh (no reuse configured)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> probe.read(hung, Set.of()).reached());
        int asked = calls.get();
        assertTrue(probe.read(hung, Set.of()).reached());
        assertEquals("then a fresh query", asked + 1, calls.get());
    }

    @Test
    public void aFailingStoreNamesTheFailureButNotItsMessage() {
        probe = new StoreProbe(Duration.ofSeconds(2), Duration.ZERO);
        StoreReading reading = probe.read(record(() -> {
            throw new IllegalStateException("jdbc:postgresql://db.internal:5432/tidings refused");
        }, List.of(), new AtomicInteger()), Set.of());
        assertFalse(reading.reached());
        assertEquals("unreachable: IllegalStateException", reading.failure());
    }

    @Test
    public void itSaysWhichUnservedMediaHaveQueuedMessages() {
        probe = new StoreProbe(Duration.ofSeconds(2), Duration.ZERO);
        NotificationService store = record(() -> Map.of(CommunicationStatus.QUEUED, 2L),
                List.of(queued(Medium.SMS), queued(Medium.EMAIL)), new AtomicInteger());
        StoreReading reading = probe.read(store, Set.of(Medium.SMS));
        assertTrue(reading.reached());
        assertEquals(Set.of(Medium.SMS), reading.waiting());
        assertEquals(Set.of(), probe.read(store, Set.of()).waiting());
    }

    @Test
    public void aReadingIsReusedBriefly() {
        probe = new StoreProbe(Duration.ofSeconds(2), Duration.ofMinutes(1));
        AtomicInteger calls = new AtomicInteger();
        NotificationService store = record(Map::of, List.of(), calls);
        probe.read(store, Set.of());
        probe.read(store, Set.of());
        assertEquals(1, calls.get());
    }
}
