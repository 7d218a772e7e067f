package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.core.store.DigestPlan;
import io.tidings.core.store.IngestOutcome;
import io.tidings.core.store.OutboxRepository;

/** Digests: one window per key, its items, a cancelled entity leaving it, on H2 and PostgreSQL. */
public class JdbcDigestsTest extends RepositoryContract {

    private static final String KEY = "rule|template|olena@example.com";
    private static final Instant END = NOW.plusSeconds(3600);

    private static BusinessEvent order(String id, String number) {
        return new BusinessEvent(id, "order.status_changed", OffsetDateTime.parse("2026-11-23T10:00:00+02:00"), "kyiv",
                new EntityRef("order", number), Map.of("order", Map.of("number", number, "status", "ready"),
                        "contact_information", Map.of("name", "Олена Ковальчук", "email", "olena@example.com")));
    }

    private static OutboxRepository.Planned joining(BusinessEvent event) {
        return joining(event, KEY);
    }

    private static OutboxRepository.Planned joining(BusinessEvent event, String key) {
        Communication opening = scheduled(event, "olena@example.com", END);
        return new OutboxRepository.Planned(event, List.of(), Map.of(), List.of(),
                new DigestPlan(List.of(new DigestPlan.Join(key, opening)), List.of()));
    }

    private static OutboxRepository.Planned cancelling(String id, String number) {
        BusinessEvent event = new BusinessEvent(id, "order.cancelled", OffsetDateTime.parse("2026-11-23T10:05:00+02:00"),
                "kyiv", new EntityRef("order", number), Map.of("order", Map.of("number", number)));
        return new OutboxRepository.Planned(event, List.of(), Map.of(), List.of(), new DigestPlan(List.of(),
                List.of(new DigestPlan.Leave("rule", event.entity(), "every item of the digest was cancelled"))));
    }

    private List<Communication> digests() {
        return store.record().communications(new CommunicationQuery(null, null, "olena@example.com", null, 0));
    }

    @Test
    public void theFirstEventOpensAWindowAndLaterOnesJoinIt() {
        IngestOutcome first = store.outbox().ingestAll(List.of(joining(order("e-1", "1001")))).get(0);
        assertEquals(1, first.communicationIds().size());
        List<IngestOutcome> later = store.outbox().ingestAll(List.of(joining(order("e-2", "1002")),
                joining(order("e-3", "1003"))));
        later.forEach(o -> assertTrue(o.communicationIds().isEmpty()));
        store.outbox().ingestAll(List.of(joining(order("e-4", "1004")), joining(order("e-5", "1005"))));

        List<Communication> digests = digests();
        assertEquals(1, digests.size());
        assertEquals(CommunicationStatus.SCHEDULED, digests.get(0).status());
        assertEquals(first.communicationIds().get(0), digests.get(0).id());
        assertEquals(Optional.of(END), store.outbox().openDigest(KEY));
        assertEquals(List.of("1001", "1002", "1003", "1004", "1005"), store.outbox().digestItems(digests.get(0).id())
                .stream().map(e -> ((Map<?, ?>) e.data().get("order")).get("number")).toList());
        assertTrue(store.outbox().digestItems("not-a-digest").isEmpty());
    }

    @Test
    public void aClaimedDigestClosesItsWindowAndTheNextEventOpensAnother() {
        store.outbox().ingestAll(List.of(joining(order("e-1", "1001")), joining(order("e-2", "1002"))));
        List<Communication> claimed = store.outbox().claimDue(END, 10, END.plusSeconds(60));
        assertEquals(1, claimed.size());
        assertTrue(store.outbox().openDigest(KEY).isEmpty());

        IngestOutcome next = store.outbox().ingestAll(List.of(joining(order("e-3", "1003")))).get(0);
        assertEquals(1, next.communicationIds().size());
        assertEquals(2, store.outbox().digestItems(claimed.get(0).id()).size());
        assertEquals(List.of("e-3"), store.outbox().digestItems(next.communicationIds().get(0)).stream()
                .map(BusinessEvent::id).toList());
    }

    @Test
    public void aCancelledEntityLeavesTheDigestAndAnEmptyDigestIsCancelled() {
        store.outbox().ingestAll(List.of(joining(order("e-1", "1001")), joining(order("e-2", "1002"))));
        String id = digests().get(0).id();

        store.outbox().ingestAll(List.of(cancelling("c-1", "1001")));
        assertEquals(List.of("e-2"), store.outbox().digestItems(id).stream().map(BusinessEvent::id).toList());
        Communication left = store.record().communication(id).orElseThrow();
        assertEquals(CommunicationStatus.SCHEDULED, left.status());
        assertEquals(new EntityRef("order", "1002"), left.entity());

        store.outbox().ingestAll(List.of(cancelling("c-2", "1002")));
        Communication cancelled = store.record().communication(id).orElseThrow();
        assertEquals(CommunicationStatus.CANCELLED, cancelled.status());
        assertEquals("every item of the digest was cancelled", cancelled.statusReason());
        assertTrue(store.outbox().claimDue(END, 10, END.plusSeconds(60)).isEmpty());
        assertTrue(store.outbox().openDigest(KEY).isEmpty());
    }

    @Test
    public void eventsArrivingTogetherOnManyThreadsShareOneWindow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            // rounds of a new key, and of a key whose window was just sent, each on six threads at once
            for (int round = 0; round < 6; round++) {
                if (round % 2 == 1) {
                    store.outbox().claimDue(END, 100, END.plusSeconds(60));
                }
                List<Callable<IngestOutcome>> tasks = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    BusinessEvent event = order("t-" + round + "-" + i, String.valueOf(2000 + i));
                    String key = "rule|template|round-" + round / 2 + "@example.com";
                    tasks.add(() -> store.outbox().ingestAll(List.of(joining(event, key))).get(0));
                }
                int opened = 0;
                for (Future<IngestOutcome> outcome : pool.invokeAll(tasks)) {
                    opened += outcome.get().communicationIds().size();
                }
                assertEquals("round " + round, 1, opened);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Communication> digests = digests();
        assertEquals(6, digests.size());
        for (Communication digest : digests) {
            assertEquals(12, store.outbox().digestItems(digest.id()).size());
        }
    }

    @Test
    public void erasingTheContactRemovesItsDigestWithTheEventsItGathered() {
        store.outbox().ingestAll(List.of(joining(order("e-1", "1001")), joining(order("e-2", "1002"))));
        String id = digests().get(0).id();
        io.tidings.api.Erasure erased = store.record().erase("olena@example.com");
        assertEquals(1, erased.communications());
        assertEquals(2, erased.events());
        assertTrue(store.outbox().digestItems(id).isEmpty());
        assertTrue(store.outbox().event("e-2").isEmpty());
        assertTrue(store.outbox().openDigest(KEY).isEmpty());
    }
}
