package io.tidings.channel.smtp;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelCapabilities;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;

/**
 * Email over one SMTP account through pooled, reused connections. Plain Java: the OSGi component
 * ({@link SmtpChannelComponent}) registers it, and a benchmark can use it as it is:
 * {@code try (SmtpChannel smtp = new SmtpChannel("smtp-bench", settings)) { smtp.send(message) }}.
 */
public final class SmtpChannel implements Channel, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpChannel.class);
    private static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(true, true, false);
    private static final long FIRST_PROBE_MS = 1_000;

    private record Unavailable(String reason, Instant since) {
    }

    private final Object lifecycle = new Object();
    private final ScheduledExecutorService prober;
    private final SenderPool.Seams seams;
    private volatile String name;
    private volatile SenderPool pool;
    private volatile boolean closed;
    private volatile Unavailable unavailable;
    private ScheduledFuture<?> probe; // guarded by lifecycle
    private long probeDelayMs; // guarded by lifecycle

    public SmtpChannel(String name, SmtpSettings settings) {
        this(name, settings, SenderPool.Seams.NONE);
    }

    /** With the sending threads' seams for tests. */
    SmtpChannel(String name, SmtpSettings settings, SenderPool.Seams seams) {
        this.name = name;
        this.seams = seams;
        this.prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tidings-" + name + "-probe");
            thread.setDaemon(true);
            return thread;
        });
        this.pool = newPool(settings);
    }

    private SenderPool newPool(SmtpSettings settings) {
        PoolHealth health = new PoolHealth();
        health.pool = new SenderPool(name, settings, health, seams);
        return health.pool;
    }

    public String name() {
        return name;
    }

    @Override
    public CompletionStage<SendResult> send(OutboundMessage message) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        if (message.medium() != Medium.EMAIL) {
            result.complete(SendResult.permanentFailure("medium " + message.medium() + " is not served by " + name));
            return result;
        }
        SenderPool.Job job = new SenderPool.Job(message, result);
        // a pool refuses only once replaced or closed: the loop then finds its successor, or the closed flag
        while (!pool.offer(job)) {
            if (closed) {
                result.complete(SendResult.transientFailure("channel " + name + " is stopped"));
                break;
            }
        }
        return result;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public ChannelState state() {
        if (closed) {
            return ChannelState.unavailable("stopped");
        }
        String lost = pool.lost();
        if (lost != null) {
            return ChannelState.unavailable("no sending thread left (the last one ended with " + lost + ")");
        }
        Unavailable current = unavailable;
        if (current != null) {
            return ChannelState.unavailable(current.reason() + " (since " + current.since() + "; retrying)");
        }
        String dkim = pool.dkimBroken();
        if (dkim != null) {
            // still routed to: each message fails with the reason instead of going out unsigned
            return new ChannelState(true, "DKIM key broken: " + dkim);
        }
        return ChannelState.AVAILABLE;
    }

    /** The settings in use. */
    public SmtpSettings settings() {
        return pool.settings();
    }

    /** Renames the channel for logs and new threads; the service property is the component's business. */
    public void rename(String newName) {
        this.name = newName;
    }

    /**
     * Applies new settings without losing a message: when they differ, the pooled connections are
     * closed (each after its current message) and the messages not yet started go out with the new settings.
     */
    public void reconfigure(SmtpSettings settings) {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("channel " + name + " is stopped");
            }
            SenderPool old = pool;
            if (old.settings().equals(settings)) {
                return;
            }
            SenderPool fresh = newPool(settings);
            pool = fresh;
            // new settings deserve a fresh verdict: the next exchange decides
            unavailable = null;
            cancelProbe();
            for (SenderPool.Job job : old.shutdown()) {
                if (!fresh.offer(job)) {
                    job.result().complete(SendResult.transientFailure("channel " + name + " is stopped"));
                }
            }
        }
    }

    /**
     * Stops taking messages; the ones not started complete as transient failures (the engine
     * retries them elsewhere or later); waits briefly for the ones being sent.
     */
    @Override
    public void close() {
        SenderPool last;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            last = pool;
            cancelProbe();
            prober.shutdownNow();
            for (SenderPool.Job job : last.shutdown()) {
                job.result().complete(SendResult.transientFailure("channel " + name + " stopped before sending"));
            }
        }
        try {
            Duration grace = last.settings().timeout().plus(last.settings().connectionTimeout());
            if (!last.awaitTermination(grace)) {
                LOG.warn("SMTP channel {}: a sending thread is still busy after {}", name, grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void scheduleProbe(long delayMs) {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            cancelProbe();
            probeDelayMs = delayMs;
            try {
                probe = prober.schedule(this::probe, delayMs, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    private void cancelProbe() {
        if (probe != null) {
            probe.cancel(false);
            probe = null;
        }
    }

    /** While unavailable the engine sends nothing here, so recovery must be noticed without a message. */
    private void probe() {
        SenderPool current = pool;
        if (closed || unavailable == null) {
            return;
        }
        try {
            current.probe();
            if (current == pool && unavailable != null) {
                unavailable = null;
                LOG.info("SMTP channel {}: {}:{} reachable again", name, current.settings().host(), current.settings().port());
            }
        } catch (MessagingException | RuntimeException e) {
            if (current != pool) {
                return;
            }
            Unavailable previous = unavailable;
            String reason = SendFailures.classify(e).result().error();
            unavailable = new Unavailable(reason, previous == null ? Instant.now() : previous.since());
            long next;
            synchronized (lifecycle) {
                // capped at a few seconds: the engine sends nothing here until a probe succeeds
                next = Math.min(probeDelayMs * 2, current.settings().probeMaxDelay().toMillis());
            }
            scheduleProbe(next);
        }
    }

    /** A pool without a sending thread gets nothing from the engine while unavailable: it is revived from here. */
    private void revive(SenderPool lostPool) {
        if (closed || lostPool != pool || lostPool.revive()) {
            return;
        }
        try {
            prober.schedule(() -> revive(lostPool), lostPool.settings().probeMaxDelay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** What one pool reports; a pool already replaced no longer decides the channel's state. */
    private final class PoolHealth implements SenderPool.Health {
        // set before the pool gets its first job
        private volatile SenderPool pool;

        private boolean current() {
            return pool == SmtpChannel.this.pool;
        }

        @Override
        public void connected() {
            if (current() && unavailable != null) {
                unavailable = null;
                LOG.info("SMTP channel {}: connected again", name);
            }
        }

        @Override
        public void threadsLost(String reason) {
            if (!current()) {
                return;
            }
            LOG.error("SMTP channel {}: no sending thread left ({}); trying again every {} ms", name, reason,
                    pool.settings().probeMaxDelay().toMillis());
            try {
                SenderPool lostPool = pool;
                prober.schedule(() -> revive(lostPool), lostPool.settings().probeMaxDelay().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }

        @Override
        public void connectionFailed(String reason) {
            if (!current()) {
                return;
            }
            SmtpSettings settings = pool.settings();
            Unavailable previous = unavailable;
            unavailable = new Unavailable(reason, previous == null ? Instant.now() : previous.since());
            if (previous == null) {
                LOG.warn("SMTP channel {}: cannot use {}:{}: {}", name, settings.host(), settings.port(), reason);
                scheduleProbe(Math.min(FIRST_PROBE_MS, settings.probeMaxDelay().toMillis()));
            }
        }
    }
}
