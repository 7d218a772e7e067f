package io.tidings.core.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.core.store.OutboxRepository;
import io.tidings.core.support.TidingsThreads;

/**
 * Notices a channel becoming available (an SMPP session bound, an SMTP server back) within a
 * second, and makes what waited for its media due at once: a message that found no channel
 * available waits without a due moment, costing no attempt, until this wakes it.
 */
final class ChannelWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelWatch.class);
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final ChannelRegistry channels;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final Runnable wake;
    /** Whether each channel was available at the last look; touched on the watch's thread only. */
    private final Map<Channel, Boolean> available = Collections.synchronizedMap(new IdentityHashMap<>());
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            TidingsThreads.named("tidings-channel-watch"));

    ChannelWatch(ChannelRegistry channels, OutboxRepository outbox, Clock clock, Runnable wake) {
        this.channels = channels;
        this.outbox = outbox;
        this.clock = clock;
        this.wake = wake;
    }

    /**
     * Starts watching from the channels' states now: what waited for the channels available at the
     * start was made due by the first housekeeping sweep, so only later changes wake anything.
     */
    void start() {
        for (ChannelRegistry.Route route : channels.all()) {
            available.put(route.channel(), channels.state(route).available());
        }
        schedule.scheduleWithFixedDelay(this::lookSafely, INTERVAL.toMillis(), INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException e) {
            LOG.warn("Watching channel states failed, retried in a second: {}", e.toString());
        }
    }

    /** One look at every channel: the media of those that became available since the last look are woken. */
    void look() {
        Set<Medium> arrived = new java.util.TreeSet<>();
        Set<Channel> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ChannelRegistry.Route route : channels.all()) {
            seen.add(route.channel());
            boolean now = channels.state(route).available();
            Boolean before = available.put(route.channel(), now);
            if (now && !Boolean.TRUE.equals(before)) {
                arrived.addAll(route.media());
            }
        }
        available.keySet().retainAll(seen);
        if (arrived.isEmpty()) {
            return;
        }
        int woken = 0;
        for (Medium medium : arrived) {
            woken += outbox.wakeWaiting(medium, clock.instant());
        }
        if (woken > 0) {
            LOG.info("{} communication(s) waiting for {} are due now: a channel became available", woken, arrived);
        }
        wake.run();
    }

    @Override
    public void close() {
        // no interrupt: an interrupt during H2's file I/O closes the whole database
        schedule.shutdown();
    }
}
