package io.tidings.channel.smpp;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.channel.DeliveryFeedback;

/**
 * Turns per-part delivery receipts into one status per message: a message is delivered when every
 * part is, failed as soon as one part fails. The part ids → message mapping is kept in memory
 * (bounded to {@link #MAX_TRACKED} messages): after a restart, a receipt whose part id is unknown
 * is reported under its own id, which finds single-part messages and the first part of long ones.
 *
 * <p>A receipt can overtake the submit_sm_resp of its part, and the engine records a provider id a
 * moment after the channel returns it: unknown ids wait {@link #EARLY_WAIT_MILLIS}, and a report
 * the engine does not yet recognise is retried for a while.
 */
final class ReceiptTracker {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptTracker.class);
    static final int MAX_TRACKED = 200_000;
    static final long EARLY_WAIT_MILLIS = 10_000;
    private static final int MAX_REPORT_ATTEMPTS = 14; // 0.25 s doubling to 8 s: about 90 s in all

    private static final class Tracked {
        final String key;
        final List<String> parts;
        final Set<String> pending;
        final int total;
        boolean done;

        Tracked(String key, List<String> parts) {
            this.key = key;
            this.parts = List.copyOf(parts);
            this.pending = new LinkedHashSet<>(parts);
            this.total = parts.size();
        }
    }

    private record Early(boolean delivered, String detail, long at) {
    }

    private final Supplier<String> channelName;
    private final Supplier<DeliveryFeedback> feedback;
    private final ScheduledExecutorService timer;
    private final Map<String, Tracked> byPart = new HashMap<>();
    private final LinkedHashMap<String, Tracked> byKey = new LinkedHashMap<>();
    private final Map<String, Early> early = new LinkedHashMap<>();

    ReceiptTracker(Supplier<String> channelName, Supplier<DeliveryFeedback> feedback, ScheduledExecutorService timer) {
        this.channelName = channelName;
        this.feedback = feedback;
        this.timer = timer;
        timer.scheduleWithFixedDelay(this::expireEarly, 1, 1, TimeUnit.SECONDS);
    }

    /** The parts of one message, the first id being the one returned to the engine. */
    void register(List<String> partIds) {
        if (partIds.isEmpty()) {
            return;
        }
        Tracked tracked = new Tracked(partIds.get(0), partIds);
        List<Early> overtaken = new java.util.ArrayList<>();
        List<String> overtakenIds = new java.util.ArrayList<>();
        synchronized (this) {
            byKey.put(tracked.key, tracked);
            for (String part : partIds) {
                byPart.put(part, tracked);
                Early e = early.remove(part);
                if (e != null) {
                    overtaken.add(e);
                    overtakenIds.add(part);
                }
            }
            evict();
        }
        for (int i = 0; i < overtaken.size(); i++) {
            receipt(overtakenIds.get(i), overtaken.get(i).delivered(), overtaken.get(i).detail());
        }
    }

    /** A final receipt for one part. */
    void receipt(String partId, boolean delivered, String detail) {
        String key;
        String reason = null;
        synchronized (this) {
            Tracked tracked = byPart.get(partId);
            if (tracked == null) {
                early.put(partId, new Early(delivered, detail, System.currentTimeMillis()));
                return;
            }
            if (tracked.done) {
                return;
            }
            if (!delivered) {
                tracked.done = true;
                reason = tracked.total > 1 ? detail + " (a part of " + tracked.total + ")" : detail;
            } else {
                tracked.pending.remove(partId);
                if (!tracked.pending.isEmpty()) {
                    return;
                }
                tracked.done = true;
            }
            key = tracked.key;
            forget(tracked);
        }
        // reported from our own thread, never from jsmpp's: the engine writes to its database there
        String failure = reason;
        schedule(() -> report(key, failure, 0), 0);
    }

    /** Messages waiting for receipts, for diagnostics and tests. */
    synchronized int tracked() {
        return byKey.size();
    }

    private void forget(Tracked tracked) {
        byKey.remove(tracked.key);
        for (String part : tracked.parts) {
            byPart.remove(part, tracked);
        }
    }

    private void evict() {
        Iterator<Tracked> oldest = byKey.values().iterator();
        while (byKey.size() > MAX_TRACKED && oldest.hasNext()) {
            Tracked t = oldest.next();
            oldest.remove();
            for (String part : t.parts) {
                byPart.remove(part, t);
            }
        }
    }

    /** Receipts whose part no message claimed: after a restart they can only be reported under their own id. */
    private void expireEarly() {
        long limit = System.currentTimeMillis() - EARLY_WAIT_MILLIS;
        Map<String, Early> expired = new LinkedHashMap<>();
        synchronized (this) {
            Iterator<Map.Entry<String, Early>> it = early.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Early> e = it.next();
                if (e.getValue().at() < limit) {
                    expired.put(e.getKey(), e.getValue());
                    it.remove();
                }
            }
        }
        expired.forEach((id, e) -> report(id, e.delivered() ? null : e.detail(), 0));
    }

    /**
     * Reports without waiting for the engine's answer, so that receipts arriving together are recorded
     * in one commit; an id the engine does not recognise yet is reported again later.
     *
     * @param failure null for delivered
     */
    private void report(String providerMessageId, String failure, int attempt) {
        java.util.concurrent.CompletionStage<Boolean> recorded;
        try {
            DeliveryFeedback target = feedback.get();
            recorded = target == null ? java.util.concurrent.CompletableFuture.completedFuture(false)
                    : failure == null ? target.deliveredAsync(channelName.get(), providerMessageId)
                            : target.failedAsync(channelName.get(), providerMessageId, failure);
        } catch (RuntimeException e) {
            recorded = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        recorded.whenComplete((recognised, error) -> {
            if (error != null) {
                LOG.warn("Reporting a delivery receipt of channel {} failed: {}", channelName.get(), error.toString());
            }
            if (Boolean.TRUE.equals(recognised)) {
                return;
            }
            if (attempt + 1 >= MAX_REPORT_ATTEMPTS) {
                LOG.debug("No communication of channel {} carries provider id {}; receipt dropped", channelName.get(),
                        providerMessageId);
                return;
            }
            schedule(() -> report(providerMessageId, failure, attempt + 1), Math.min(250L << attempt, 8_000L));
        });
    }

    private void schedule(Runnable task, long delayMillis) {
        try {
            timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the channel is closing: the receipt is lost with it, the communication stays SENT
        }
    }
}
