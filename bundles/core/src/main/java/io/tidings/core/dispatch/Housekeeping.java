package io.tidings.core.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.Medium;
import io.tidings.core.store.CommunicationRecord;
import io.tidings.core.store.OutboxRepository;
import io.tidings.core.support.TidingsThreads;

/**
 * The queue's housekeeping, on its own schedule beside the claim loop: expired leases go back to
 * the queue, reminders whose appointment passed are suppressed, rows waiting for a channel that
 * has arrived are woken, and retention purges the record of what is done with.
 */
final class Housekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    /** Often enough to renew the held leases of sends in progress ({@link Claimer#HELD_LEASE}) in time. */
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(5);
    static final Duration PURGE_INTERVAL = Duration.ofHours(1);
    private static final int PURGE_BATCH = 1_000;
    /** Batches of one purge round, at most: the rest waits for the next round. */
    private static final int PURGE_ROUND = 100;

    private final OutboxRepository outbox;
    private final CommunicationRecord record;
    private final ChannelRegistry channels;
    private final Clock clock;
    private final Runnable wake;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            TidingsThreads.named("tidings-housekeeping"));
    private volatile Duration retention;
    private volatile boolean closed;
    private Instant lastPurge = Instant.EPOCH;
    private final Duration recheck;
    private final Dispatcher.Settings settings;
    private Instant lastRecheck = Instant.EPOCH;

    /**
     * @param wake    tells the claim loop that rows may be due now
     * @param recheck how often rows waiting for an unavailable channel are claimed again anyway, so
     *                that those whose retry budget is spent fail
     */
    Housekeeping(OutboxRepository outbox, CommunicationRecord record, ChannelRegistry channels, Clock clock,
            Runnable wake, Duration recheck, Dispatcher.Settings settings) {
        this.recheck = recheck;
        this.settings = settings;
        this.outbox = outbox;
        this.record = record;
        this.channels = channels;
        this.clock = clock;
        this.wake = wake;
    }

    /**
     * How long the record keeps communications that are done with, and their events; null or zero
     * keeps them for good. Purged at most once every {@link #PURGE_INTERVAL}, in batches.
     */
    void retention(Duration keep) {
        this.retention = keep == null || keep.isZero() || keep.isNegative() ? null : keep;
    }

    /**
     * Sweeps once now, then every {@link #SWEEP_INTERVAL}. The first sweep runs before the claim
     * loop starts: reminders whose appointment passed while the node was down are suppressed, not
     * sent late.
     */
    void start() {
        try {
            // what this node held when it stopped or died goes back to the queue now, not after its lease
            int own = outbox.releaseOwnLeases(clock.instant());
            if (own > 0) {
                LOG.warn("{} communication(s) this node had claimed before it stopped are queued again", own);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not queue again what this node had claimed; their leases will expire: {}", e.toString());
        }
        sweepSafely();
        schedule.scheduleWithFixedDelay(this::sweepSafely, SWEEP_INTERVAL.toMillis(), SWEEP_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void sweepSafely() {
        try {
            sweep(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Queue housekeeping failed, retried in {} s: {}", SWEEP_INTERVAL.toSeconds(), e.toString());
        }
    }

    void sweep(Instant now) {
        // sends still in progress keep their rows; those claimed longer ago than the lease are let go
        outbox.renewLeases(now.plus(Claimer.heldLease(settings)), now.minus(settings.lease()));
        purge(now);
        int expired = outbox.suppressExpiredReminders(now);
        if (expired > 0) {
            LOG.info("{} reminder(s) not sent: their appointment has passed", expired);
        }
        int released = outbox.releaseExpiredLeases(now);
        if (released > 0) {
            LOG.warn("{} communication(s) had an expired lease and are queued again (outcome of their last attempt unknown)",
                    released);
        }
        // a channel that arrived (or became available) between a verdict and its recording must not
        // leave rows waiting; rows waiting for a channel that is still down stay asleep
        boolean recheckDue = Duration.between(lastRecheck, now).compareTo(recheck) >= 0;
        if (recheckDue) {
            lastRecheck = now;
        }
        int woken = 0;
        for (Medium medium : channels.servedMedia()) {
            List<ChannelRegistry.Route> candidates = channels.candidates(medium);
            if (candidates.stream().anyMatch(r -> channels.state(r).available())
                    || recheckDue && !candidates.isEmpty()) {
                woken += outbox.wakeWaiting(medium, now);
            }
        }
        if (released + woken > 0) {
            wake.run();
        }
    }

    /** Retention: what is older than the configured period and done with leaves the record, in batches. */
    private void purge(Instant now) {
        Duration keep = retention;
        if (keep == null || Duration.between(lastPurge, now).compareTo(PURGE_INTERVAL) < 0) {
            return;
        }
        lastPurge = now;
        long removed = 0;
        try {
            for (int round = 0; round < PURGE_ROUND && !closed; round++) {
                int batch = record.purge(now.minus(keep), PURGE_BATCH);
                removed += batch;
                if (batch < PURGE_BATCH) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging the record older than {} day(s) failed; retried in an hour: {}", keep.toDays(), e.toString());
        }
        if (removed > 0) {
            LOG.info("Retention: {} communication(s) or event(s) older than {} day(s) removed", removed, keep.toDays());
        }
    }

    @Override
    public void close() {
        closed = true;
        // no interrupt: an interrupt during H2's file I/O closes the whole database
        schedule.shutdown();
        try {
            schedule.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
