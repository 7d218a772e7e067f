package io.tidings.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.core.store.IngestOutcome;
import io.tidings.core.store.OutboxRepository;
import io.tidings.core.support.TidingsThreads;

/**
 * Stores planned events by group commit: events accepted by concurrent callers while one commit is
 * being written go into the next one together, in one transaction, and each caller is answered
 * once the commit holding its event is durable. One caller alone waits for nothing: it is its own
 * group. A group the store refuses as a whole (one event it cannot take) is stored event by event,
 * so that only that event's caller gets the error.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** Events of one commit, at most. */
    static final int MAX_GROUP = 200;

    private record Pending(OutboxRepository.Planned planned, CompletableFuture<IngestOutcome> outcome) {
    }

    private final OutboxRepository store;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean closed;

    GroupCommit(OutboxRepository store) {
        this.store = store;
        this.committer = TidingsThreads.daemon("tidings-ingest-commit", this::run);
        committer.start();
    }

    /** Stores the planned event; returns once it is durable (or throws what the store threw for it). */
    IngestOutcome commit(OutboxRepository.Planned planned) {
        if (closed) {
            return store.ingestAll(List.of(planned)).get(0);
        }
        Pending pending = new Pending(planned, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.outcome().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Events waiting for the next commit. */
    int waiting() {
        return queue.size();
    }

    private void run() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                // nothing may end the only committer: every caller of the group hears of it
                group.forEach(p -> p.outcome().completeExceptionally(e));
                LOG.warn("Storing {} accepted event(s) failed: {}", group.size(), e.toString());
            } finally {
                group.clear();
            }
        }
        // what arrived as the engine stopped is stored by its caller
        for (Pending p; (p = queue.poll()) != null;) {
            p.outcome().completeExceptionally(new IllegalStateException("the engine is stopping; send the event again"));
        }
    }

    private void write(List<Pending> group) {
        List<IngestOutcome> outcomes;
        try {
            outcomes = store.ingestAll(group.stream().map(Pending::planned).toList());
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).outcome().completeExceptionally(e);
                return;
            }
            // all or none failed: one by one, so only the event at fault fails its caller
            for (Pending p : group) {
                try {
                    p.outcome().complete(store.ingestAll(List.of(p.planned())).get(0));
                } catch (RuntimeException alone) {
                    p.outcome().completeExceptionally(alone);
                }
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).outcome().complete(outcomes.get(i));
        }
    }

    /** Stops taking events into groups; what is queued is still stored. */
    @Override
    public void close() {
        closed = true;
        try {
            committer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
