package io.tidings.core.ingest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.EntityRef;
import io.tidings.core.store.IngestOutcome;
import io.tidings.core.store.OutboxRepository;

public class GroupCommitTest {

    /** An outbox whose ingestAll records each group, can be held, and refuses events named "bad". */
    private static final class Groups {
        final List<List<String>> groups = new ArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean hold;

        synchronized List<IngestOutcome> ingestAll(List<OutboxRepository.Planned> planned) throws InterruptedException {
            if (hold) {
                hold = false;
                release.await(10, TimeUnit.SECONDS);
            }
            List<String> ids = planned.stream().map(p -> p.event().id()).toList();
            groups.add(ids);
            if (ids.stream().anyMatch(id -> id.startsWith("bad"))) {
                throw new IllegalStateException("value too long for tidings_event.data");
            }
            return ids.stream().map(id -> new IngestOutcome(false, List.of("c-" + id))).toList();
        }

        OutboxRepository outbox() {
            return (OutboxRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {OutboxRepository.class}, (proxy, method, args) -> {
                        if (method.getName().equals("ingestAll")) {
                            @SuppressWarnings("unchecked")
                            List<OutboxRepository.Planned> planned = (List<OutboxRepository.Planned>) args[0];
                            return ingestAll(planned);
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private static OutboxRepository.Planned planned(String id) {
        return new OutboxRepository.Planned(new BusinessEvent(id, "order.status_changed", OffsetDateTime.now(), null,
                new EntityRef("order", id), Map.of()), List.of(), Map.of(), List.of());
    }

    @Test
    public void eventsArrivingDuringACommitGoIntoTheNextOneTogether() throws Exception {
        Groups store = new Groups();
        store.hold = true;
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try (GroupCommit commits = new GroupCommit(store.outbox())) {
            Future<IngestOutcome> first = callers.submit(() -> commits.commit(planned("e-0")));
            while (store.hold) {
                Thread.onSpinWait(); // the first commit is being written
            }
            List<Future<IngestOutcome>> others = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                String id = "e-" + i;
                others.add(callers.submit(() -> commits.commit(planned(id))));
            }
            // the five wait behind the first commit, then go in one
            org.awaitility.Awaitility.await().until(() -> commits.waiting() == 5);
            store.release.countDown();
            assertEquals(List.of("c-e-0"), first.get().communicationIds());
            for (int i = 0; i < 5; i++) {
                assertEquals(List.of("c-e-" + (i + 1)), others.get(i).get().communicationIds());
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(List.of("e-0"), store.groups.get(0));
        assertEquals("the later events were committed together", List.of(List.of("e-0"),
                List.of("e-1", "e-2", "e-3", "e-4", "e-5")), sortedGroups(store.groups));
    }

    private static List<List<String>> sortedGroups(List<List<String>> groups) {
        return groups.stream().map(g -> g.stream().sorted().toList()).toList();
    }

    @Test
    public void anEventTheStoreRefusesFailsOnlyItsOwnCaller() throws Exception {
        Groups store = new Groups();
        store.hold = true;
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (GroupCommit commits = new GroupCommit(store.outbox())) {
            Future<IngestOutcome> first = callers.submit(() -> commits.commit(planned("e-0")));
            while (store.hold) {
                Thread.onSpinWait();
            }
            Future<IngestOutcome> good = callers.submit(() -> commits.commit(planned("e-1")));
            Future<IngestOutcome> bad = callers.submit(() -> commits.commit(planned("bad-1")));
            Future<IngestOutcome> alsoGood = callers.submit(() -> commits.commit(planned("e-2")));
            org.awaitility.Awaitility.await().until(() -> commits.waiting() == 3);
            store.release.countDown();
            first.get();
            assertEquals(List.of("c-e-1"), good.get().communicationIds());
            assertEquals(List.of("c-e-2"), alsoGood.get().communicationIds());
            try {
                bad.get();
                throw new AssertionError("the refused event must fail its caller");
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(e.getCause().getMessage(), e.getCause().getMessage().contains("tidings_event.data"));
            }
            assertFalse(good.get().duplicate());
            assertEquals("tried together, then one by one", 3, store.groups.get(1).size());
        } finally {
            callers.shutdownNow();
        }
    }
}
