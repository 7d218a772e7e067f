package io.tidings.core.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.core.store.OutboxRepository;

/**
 * Claims due communications within the in-flight window: a row is claimed only when a slot is free
 * for it, so claimed rows never sit unsent behind a full window. A slot is released when the
 * communication's outcome is recorded (or it was given up before its channel got it).
 */
final class Claimer {

    private static final Logger LOG = LoggerFactory.getLogger(Claimer.class);

    /** Claimed communications and their events, read in the claim's transaction. */
    record Batch(List<Communication> due, Map<String, BusinessEvent> events, long claimedNanos) {
        static final Batch EMPTY = new Batch(List.of(), Map.of(), 0);
    }

    private final OutboxRepository outbox;
    private final Dispatcher.Settings settings;
    private final Semaphore inFlight;
    /** Slots held now: claimed rows whose outcome is not recorded yet. */
    private final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();
    private final io.tidings.core.support.RateMeter claims = new io.tidings.core.support.RateMeter();

    private final io.tidings.core.events.StatusEvents events;

    Claimer(OutboxRepository outbox, Dispatcher.Settings settings) {
        this(outbox, settings, new io.tidings.core.events.StatusEvents());
    }

    Claimer(OutboxRepository outbox, Dispatcher.Settings settings, io.tidings.core.events.StatusEvents events) {
        this.events = events;
        this.outbox = outbox;
        this.settings = settings;
        this.inFlight = new Semaphore(settings.maxInFlight());
    }

    /**
     * Waits for a free slot, then claims up to as many due rows as slots are free (a batch at most),
     * each holding one slot. A row whose attempts are spent is FAILED here and not offered again.
     */
    Batch claim(Instant now) throws InterruptedException {
        return claim(now, List.of(), true);
    }

    /**
     * A round of the pipelined send path, in one transaction: marks the previous round's rows as
     * handed over, then claims up to as many due rows as slots are free (a batch at most) with their
     * events.
     *
     * @param handedOver  the previous round's rows, about to be handed to their channels
     * @param waitForSlot whether to wait for a free slot; without, a round whose slots are all taken
     *                    only marks (the previous round holds slots until its outcomes are recorded)
     */
    Batch claim(Instant now, Collection<String> handedOver, boolean waitForSlot) throws InterruptedException {
        int free;
        if (waitForSlot) {
            inFlight.acquire();
            free = 1 + inFlight.drainPermits();
        } else {
            free = inFlight.drainPermits();
        }
        int limit = Math.min(settings.batchSize(), free);
        OutboxRepository.Claim claim;
        long claimedNanos = System.nanoTime();
        try {
            claim = outbox.handOverAndClaim(handedOver, now, limit, now.plus(heldLease(settings)));
        } catch (RuntimeException | Error e) {
            inFlight.release(free);
            throw e;
        }
        List<Communication> claimed = claim.claimed();
        held.addAndGet(claimed.size());
        inFlight.release(free - claimed.size());
        claims.mark(claimed.size(), System.currentTimeMillis());
        if (claimed.isEmpty()) {
            return Batch.EMPTY;
        }
        List<Communication> due = new ArrayList<>(claimed.size());
        for (Communication c : claimed) {
            events.changed(c, CommunicationStatus.SENDING, c.statusReason(), null);
            if (c.attempts() >= settings.maxAttempts()) {
                giveUp(c);
            } else {
                due.add(c);
            }
        }
        // an event the claim did not find is read again with its message
        return new Batch(due, claim.events(), claimedNanos);
    }

    /** Attempts spent before this claim (their outcomes were unknown, or the limit was lowered). */
    private void giveUp(Communication c) {
        try {
            String reason = "gave up after " + c.attempts() + " attempts; last: "
                    + (c.statusReason() == null ? "unknown" : c.statusReason());
            if (outbox.markFinal(c.id(), CommunicationStatus.FAILED, reason)) {
                events.changed(c, CommunicationStatus.FAILED, reason, null);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not fail communication {} whose attempts are spent; its lease will expire: {}", c.id(),
                    e.toString());
        } finally {
            release();
        }
    }

    /**
     * How long a claimed row is held before another node may take it: short, and renewed while its
     * send is in progress (up to the configured lease), so that a node that dies gives its rows up
     * within seconds.
     */
    static java.time.Duration heldLease(Dispatcher.Settings settings) {
        return settings.lease().compareTo(HELD_LEASE) < 0 ? settings.lease() : HELD_LEASE;
    }

    static final java.time.Duration HELD_LEASE = java.time.Duration.ofSeconds(20);

    /** The slot of one communication is free again. */
    void release() {
        held.decrementAndGet();
        inFlight.release();
    }

    void release(int slots) {
        held.addAndGet(-slots);
        inFlight.release(slots);
    }

    /** Communications claimed whose outcome is not recorded yet. */
    int inFlight() {
        return Math.max(0, held.get());
    }

    /** Rows claimed per second, over the last ten seconds. */
    double claimedPerSecond() {
        return claims.perSecond(System.currentTimeMillis());
    }

    /** Waits until every slot is free (the outcomes of sends in progress are recorded), at most {@code wait}. */
    void awaitIdle(Duration wait) throws InterruptedException {
        if (inFlight.tryAcquire(settings.maxInFlight(), wait.toMillis(), TimeUnit.MILLISECONDS)) {
            inFlight.release(settings.maxInFlight());
        }
    }
}
