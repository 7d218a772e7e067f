package io.tidings.core.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;
import io.tidings.api.template.RenderedMessage;
import io.tidings.core.store.OutboxRepository;
import io.tidings.core.support.LogContext;
import io.tidings.core.support.TidingsThreads;

/**
 * Hands messages to their channels and records what became of them, on a thread of its own: SENT
 * outcomes, retries and provider feedback that arrive together are written in one transaction,
 * transient failures are retried with backoff until the attempts are spent, and provider feedback
 * is applied after the SENT it refers to.
 *
 * <p>Outcomes are recorded on the recorder's thread, never on a channel's: a channel thread may be
 * interrupted (bundle stopping), and an interrupt during H2's file I/O closes the whole database.
 * It also frees the channel's thread for its next send.
 */
final class OutcomeRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);
    /** How long feedback waits for a send still being handed to its channel. */
    private static final long HAND_OVER_WAIT_MILLIS = 200;

    private final OutboxRepository outbox;
    private final Clock clock;
    private final Dispatcher.Settings settings;
    private final Claimer slots;
    private final ExecutorService recorder = Executors.newSingleThreadExecutor(
            TidingsThreads.named("tidings-dispatch-outcomes"));
    /**
     * Sends handed to channels whose outcome is not recorded yet, by communication: provider feedback
     * records the completed ones first, however the channel's completion and the engine's callback raced.
     */
    private final Map<String, HandOver> unrecorded = new ConcurrentHashMap<>();
    /** SENT outcomes waiting for {@link #flush}; touched on the recorder thread only. */
    private final List<OutboxRepository.Sent> sent = new ArrayList<>();
    /** Retries waiting for {@link #flush}, with their communications; recorder thread only. */
    private final List<OutboxRepository.Retry> retries = new ArrayList<>();
    private final List<Communication> retried = new ArrayList<>();
    /** Provider reports waiting for {@link #flush}, each answered once written; recorder thread only. */
    private final List<Report> reports = new ArrayList<>();

    private record Report(OutboxRepository.ProviderReport report, CompletableFuture<Boolean> matched) {
    }
    private boolean flushScheduled;
    private volatile SendCounters counters = new SendCounters();

    /** A send being handed over: its future and what records its outcome, once {@link #sent} is called. */
    private static final class HandOver {
        private final String channel;
        private final CountDownLatch ready = new CountDownLatch(1);
        private volatile CompletableFuture<SendResult> future;
        private volatile BiConsumer<SendResult, Throwable> recordOnce;

        HandOver(String channel) {
            this.channel = channel;
        }

        void sent(CompletionStage<SendResult> stage, BiConsumer<SendResult, Throwable> record) {
            try {
                future = stage.toCompletableFuture();
            } catch (UnsupportedOperationException e) {
                future = null; // a stage that cannot say whether it is done: recorded by its callback only
            }
            recordOnce = record;
            ready.countDown();
        }

        /** Records the outcome now if the channel has answered; waits a moment for a send being handed over. */
        void recordIfAnswered() {
            try {
                if (!ready.await(HAND_OVER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            CompletableFuture<SendResult> f = future;
            if (f != null && f.isDone()) {
                f.whenComplete(recordOnce);
            }
        }
    }

    /** Where outcomes are counted for monitoring (the engine's, kept across restarts of the send path). */
    void counters(SendCounters counters) {
        this.counters = counters;
    }

    SendCounters counters() {
        return counters;
    }

    /** @param slots whose in-flight slot each recorded outcome frees */
    private final io.tidings.core.events.StatusEvents events;
    /** The communications of {@link #sent}, by id, for their status events; recorder thread only. */
    private final Map<String, Communication> sentCommunications = new java.util.HashMap<>();

    OutcomeRecorder(OutboxRepository outbox, Clock clock, Dispatcher.Settings settings, Claimer slots) {
        this(outbox, clock, settings, slots, new io.tidings.core.events.StatusEvents());
    }

    OutcomeRecorder(OutboxRepository outbox, Clock clock, Dispatcher.Settings settings, Claimer slots,
            io.tidings.core.events.StatusEvents events) {
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings;
        this.slots = slots;
    }

    /**
     * Hands the message to its channel; its outcome is recorded when the channel answers, and only
     * then is the communication's in-flight slot free. A channel that throws instead of answering
     * throws here, with nothing handed over.
     */
    void send(Communication c, ChannelRegistry.Route route, RenderedMessage rendered, OutboundMessage message) {
        send(c, route, rendered, message, System.nanoTime());
    }

    /** @param claimedNanos when it was claimed ({@link System#nanoTime}): its send latency runs from then */
    void send(Communication c, ChannelRegistry.Route route, RenderedMessage rendered, OutboundMessage message,
            long claimedNanos) {
        // known before the channel can answer, so that provider feedback finds it (see feedback)
        HandOver handOver = new HandOver(route.name());
        unrecorded.put(c.id(), handOver);
        CompletionStage<SendResult> sending;
        try {
            sending = route.channel().send(message);
        } catch (RuntimeException | Error e) {
            unrecorded.remove(c.id(), handOver);
            throw e;
        }
        AtomicBoolean recorded = new AtomicBoolean();
        BiConsumer<SendResult, Throwable> recordOnce = (result, error) -> {
            if (!recorded.compareAndSet(false, true)) {
                return;
            }
            unrecorded.remove(c.id(), handOver);
            boolean deferred = false;
            try (LogContext log = LogContext.of(c, route.name())) {
                deferred = record(c, route.name(), rendered, result, error);
            } finally {
                if (!deferred) {
                    slots.release();
                }
            }
        };
        handOver.sent(sending, recordOnce);
        // timed on the channel's thread, the moment it answers
        sending.whenComplete((result, error) -> counters.timings().observe(Timings.SEND_LATENCY, route.name(),
                (System.nanoTime() - claimedNanos) / 1e9));
        sending.whenCompleteAsync(recordOnce, recorder);
    }

    /** Messages handed to the channel whose outcome is not recorded yet. */
    int inFlight(String channel) {
        return (int) unrecorded.values().stream().filter(h -> h.channel.equals(channel)).count();
    }

    /**
     * Records a send's outcome, on the recorder thread.
     *
     * @return true when the outcome waits for the next {@link #flush} (which
     *         frees its in-flight slot), false when it is recorded already
     */
    private boolean record(Communication c, String channel, RenderedMessage rendered, SendResult result,
            Throwable error) {
        try {
            if (error != null || result == null) {
                retry(c, channel, error == null ? "the channel returned no result" : describe(error), null);
                return false;
            }
            switch (result.outcome()) {
                case SENT -> {
                    counters.count(SendCounters.SENT, channel, c.medium());
                    counters.timings().observe(Timings.QUEUE_WAIT, channel,
                            Duration.between(dueSince(c), clock.instant()).toMillis() / 1000.0);
                    // outcomes come in bursts: those that arrive while one is written go in one transaction
                    sent.add(new OutboxRepository.Sent(c.id(), channel, result.providerMessageId(),
                            rendered.templateVersion(), rendered.language(), rendered.subject(), rendered.text(),
                            clock.instant()));
                    sentCommunications.put(c.id(), c);
                    scheduleFlush();
                    return true;
                }
                case TRANSIENT_FAILURE -> {
                    return retryLater(c, channel, Objects.toString(result.error(), "transient failure"),
                            result.retryAfter());
                }
                case PERMANENT_FAILURE -> {
                    counters.count(SendCounters.FAILED, channel, c.medium());
                    String reason = channel + ": " + Objects.toString(result.error(), "permanent failure");
                    if (outbox.markFinal(c.id(), CommunicationStatus.FAILED, reason)) {
                        events.changed(c, CommunicationStatus.FAILED, reason, channel);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not record the outcome of communication {}; its lease will expire: {}", c.id(),
                    e.toString());
        }
        return false;
    }

    /** Writes the gathered outcomes soon, after what the recorder thread has queued already. */
    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            try {
                recorder.execute(this::flush);
            } catch (RejectedExecutionException closing) {
                flush();
            }
        }
    }

    /**
     * Writes the outcomes and provider reports gathered since the last flush in one transaction
     * (recorder thread): what arrives while one transaction is written goes in the next, so the
     * batches grow with the load and a lone outcome waits for no timer. SENT changes are written
     * before the reports, so a receipt that overtook the write of its own SENT still finds it.
     */
    private void flush() {
        if (!reports.isEmpty()) {
            // a send the channel answered before the engine's callback ran (or was even attached)
            unrecorded.values().forEach(HandOver::recordIfAnswered);
        }
        flushScheduled = false;
        if (sent.isEmpty() && retries.isEmpty() && reports.isEmpty()) {
            return;
        }
        List<OutboxRepository.Sent> sentBatch = new ArrayList<>(sent);
        sent.clear();
        Map<String, Communication> written = new java.util.HashMap<>(sentCommunications);
        sentCommunications.clear();
        List<OutboxRepository.Retry> retryBatch = new ArrayList<>(retries);
        retries.clear();
        List<Communication> retriedBatch = new ArrayList<>(retried);
        retried.clear();
        List<Report> reportBatch = new ArrayList<>(reports);
        reports.clear();
        List<Boolean> matched;
        try {
            matched = outbox.recordOutcomes(sentBatch, retryBatch,
                    reportBatch.stream().map(Report::report).toList());
        } catch (RuntimeException e) {
            LOG.warn("Could not record {} outcome(s) and {} provider report(s); the sends' leases will expire: {}",
                    sentBatch.size() + retryBatch.size(), reportBatch.size(), e.toString());
            slots.release(sentBatch.size() + retryBatch.size());
            reportBatch.forEach(r -> r.matched().completeExceptionally(e));
            return;
        }
        try {
            for (OutboxRepository.Sent s : sentBatch) {
                Communication c = written.get(s.id());
                if (c != null) {
                    events.changed(c, CommunicationStatus.SENT, null, s.channel());
                }
            }
            for (int i = 0; i < retryBatch.size(); i++) {
                events.changed(retriedBatch.get(i), CommunicationStatus.QUEUED, retryBatch.get(i).reason(),
                        retryBatch.get(i).channel());
            }
        } catch (RuntimeException e) {
            LOG.warn("Reporting {} recorded outcome(s) failed: {}", sentBatch.size() + retryBatch.size(), e.toString());
        } finally {
            slots.release(sentBatch.size() + retryBatch.size());
        }
        for (int i = 0; i < reportBatch.size(); i++) {
            OutboxRepository.ProviderReport r = reportBatch.get(i).report();
            boolean marked = i < matched.size() && Boolean.TRUE.equals(matched.get(i));
            try {
                if (marked) {
                    counters.count(r.status() == CommunicationStatus.DELIVERED ? SendCounters.DELIVERED
                            : r.status() == CommunicationStatus.BOUNCED ? SendCounters.BOUNCED : SendCounters.FAILED,
                            r.channel(), null);
                    if (events.wanted()) {
                        outbox.byProviderId(r.channel(), r.providerMessageId())
                                .ifPresent(c -> events.changed(c, r.status(), r.reason(), r.channel()));
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("Reporting a recorded receipt of channel {} failed: {}", r.channel(), e.toString());
            } finally {
                reportBatch.get(i).matched().complete(marked);
            }
        }
    }

    /**
     * Provider feedback, recorded on the recorder thread with the outcomes gathered there: a channel
     * completes its send before it reports the receipt, so the SENT with its provider id is written
     * first (in the same transaction), and a reused provider id cannot be taken for an older message
     * instead. Reports that arrive together share one transaction.
     *
     * @return completes with whether a communication of the channel carries the id, once recorded
     */
    CompletableFuture<Boolean> feedbackAsync(String channel, String providerMessageId, CommunicationStatus status,
            String reason) {
        CompletableFuture<Boolean> matched = new CompletableFuture<>();
        OutboxRepository.ProviderReport report = new OutboxRepository.ProviderReport(channel, providerMessageId,
                status, reason);
        try {
            recorder.execute(() -> {
                reports.add(new Report(report, matched));
                scheduleFlush();
            });
        } catch (RejectedExecutionException closing) {
            try {
                matched.complete(outbox.markByProviderId(channel, providerMessageId, status, reason));
            } catch (RuntimeException e) {
                matched.completeExceptionally(e);
            }
        }
        return matched;
    }

    /** {@link #feedbackAsync}, answered once recorded. */
    boolean feedback(String channel, String providerMessageId, CommunicationStatus status, String reason) {
        try {
            return feedbackAsync(channel, providerMessageId, status, reason).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * A failed attempt: queued again after its backoff, or FAILED when it was the last one — the
     * attempts are spent, or the next one would fall outside the retry budget.
     */
    void retry(Communication c, String channel, String reason, Duration retryAfter) {
        OutboxRepository.Retry r = nextAttempt(c, channel, reason, retryAfter);
        if (r != null) {
            outbox.markRetry(r.id(), r.channel(), r.reason(), r.dueAt());
            events.changed(c, CommunicationStatus.QUEUED, r.reason(), channel);
        }
    }

    /**
     * {@link #retry} on the recorder thread, written with the next flush (which frees its slot).
     *
     * @return true when it waits for the flush, false when it is recorded already (FAILED)
     */
    private boolean retryLater(Communication c, String channel, String reason, Duration retryAfter) {
        OutboxRepository.Retry r = nextAttempt(c, channel, reason, retryAfter);
        if (r == null) {
            return false;
        }
        retries.add(r);
        retried.add(c);
        scheduleFlush();
        return true;
    }

    /** The next attempt of a failed one, counted; null when the failure was final and is recorded (FAILED). */
    private OutboxRepository.Retry nextAttempt(Communication c, String channel, String reason, Duration retryAfter) {
        int attempt = c.attempts() + 1;
        String where = channel == null ? "" : channel + ": ";
        Duration wait = settings.backoff().capped(retryAfter, attempt);
        if (attempt >= settings.maxAttempts()) {
            counters.count(SendCounters.FAILED, channel, c.medium());
            String last = "gave up after " + attempt + " attempts; last: " + where + reason;
            if (outbox.markFinal(c.id(), CommunicationStatus.FAILED, last)) {
                events.changed(c, CommunicationStatus.FAILED, last, channel);
            }
            return null;
        }
        if (clock.instant().plus(wait).isAfter(dueSince(c).plus(settings.retryBudget()))) {
            giveUp(c, attempt, where + reason);
            return null;
        }
        counters.count(SendCounters.RETRIED, channel, c.medium());
        String next = "attempt " + attempt + " failed: " + where + reason + "; next in " + wait.toSeconds() + " s";
        return new OutboxRepository.Retry(c.id(), channel, next, clock.instant().plus(wait));
    }

    /**
     * No channel of the message's medium is available (nothing left Tidings): it waits without a due
     * moment, costing no attempt, until a channel becomes available — or fails once its retry budget
     * is spent, so an account that never comes back does not hold messages for ever.
     */
    void waitForChannel(Communication c, String reason) {
        if (clock.instant().isAfter(dueSince(c).plus(settings.retryBudget()))) {
            giveUp(c, c.attempts(), reason);
        } else {
            outbox.markWaiting(c.id(), reason);
            events.changed(c, CommunicationStatus.QUEUED, reason, null);
        }
    }

    private void giveUp(Communication c, int attempts, String last) {
        counters.count(SendCounters.FAILED, c.channel(), c.medium());
        String reason = "gave up after " + attempts + " attempts in " + describe(settings.retryBudget())
                + " (the retry budget); last: " + last;
        if (outbox.markFinal(c.id(), CommunicationStatus.FAILED, reason)) {
            events.changed(c, CommunicationStatus.FAILED, reason, null);
        }
    }

    /** The moment a communication became due: its planned moment, or its creation. */
    private static java.time.Instant dueSince(Communication c) {
        return c.notBefore() != null && c.createdAt() != null && c.notBefore().isAfter(c.createdAt()) ? c.notBefore()
                : c.createdAt() != null ? c.createdAt() : java.time.Instant.EPOCH;
    }

    private static String describe(Duration budget) {
        return budget.toSeconds() % 3600 == 0 ? budget.toHours() + " h"
                : budget.toSeconds() % 60 == 0 ? budget.toMinutes() + " min" : budget.toSeconds() + " s";
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /**
     * No interrupt: outcomes still queued are recorded; a late one finds the executor gone and its
     * communication is recovered when its lease expires.
     */
    @Override
    public void close() {
        recorder.shutdown();
    }
}
