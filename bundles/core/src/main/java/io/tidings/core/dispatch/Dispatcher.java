package io.tidings.core.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateEngine;
import io.tidings.core.spi.MessageDecorator;
import io.tidings.core.spi.RenderDataContributor;
import io.tidings.core.store.CommunicationRecord;
import io.tidings.core.store.OutboxRepository;
import io.tidings.core.support.LogContext;
import io.tidings.core.support.TidingsThreads;

/**
 * The send path: one claiming thread takes due communications ({@link Claimer}), prepares each
 * ({@link MessagePreparer}), routes it ({@link Router}) and hands it over, and the
 * {@link OutcomeRecorder} records what became of it; {@link Housekeeping} keeps the queue on its own
 * schedule. Sends are asynchronous, bounded by {@link Settings#maxInFlight()}.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /**
     * How the dispatcher paces itself.
     *
     * @param maxAttempts attempts of a message, at most
     * @param retryBudget how long after it became due a message that keeps failing transiently is
     *                    still retried: a provider outage of hours is survived
     */
    public record Settings(int batchSize, int maxInFlight, int maxAttempts, Duration lease, Duration pollInterval,
            Backoff backoff, Duration retryBudget) {
        /** The retry budget when none is given. */
        public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofHours(12);

        public Settings {
            if (batchSize < 1 || maxInFlight < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException("batchSize, maxInFlight and maxAttempts must be at least 1");
            }
            if (retryBudget == null || retryBudget.isNegative() || retryBudget.isZero()) {
                throw new IllegalArgumentException("retryBudget must be positive");
            }
        }

        /** Settings with the default retry budget. */
        public Settings(int batchSize, int maxInFlight, int maxAttempts, Duration lease, Duration pollInterval,
                Backoff backoff) {
            this(batchSize, maxInFlight, maxAttempts, lease, pollInterval, backoff, DEFAULT_RETRY_BUDGET);
        }

        public static Settings defaults() {
            return new Settings(50, 200, 100, Duration.ofMinutes(2), Duration.ofMillis(500),
                    new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), 0.2), DEFAULT_RETRY_BUDGET);
        }
    }

    private final OutboxRepository outbox;
    private final ChannelRegistry channels;
    private final Clock clock;
    private final Settings settings;
    private final Claimer claimer;
    private final MessagePreparer preparer;
    private final Router router;
    private final OutcomeRecorder recorder;
    private final Housekeeping housekeeping;
    private final HandOver handOver;
    private final ChannelWatch watch;
    private final io.tidings.core.events.StatusEvents events;
    private final Object signal = new Object();
    private volatile boolean running;
    private boolean woken;
    private Thread thread;
    private volatile Function<String, Optional<NotificationRule>> rules = key -> Optional.empty();
    private volatile ConsentGate consent;
    private volatile FrequencyGate frequency;
    /** What frequency caps count: what each recipient was sent lately. */
    private final CommunicationRecord record;
    private volatile io.tidings.core.store.ConsentRepository optOuts;
    private volatile io.tidings.core.store.SuppressionRepository suppressions;
    private volatile java.util.function.BooleanSupplier paused = () -> false;

    /**
     * @param templates finds a template by key and version (null version: the current one)
     */
    public Dispatcher(OutboxRepository outbox, CommunicationRecord record,
            BiFunction<String, Integer, Optional<Template>> templates, TemplateEngine templateEngine,
            ChannelRegistry channels, Clock clock, Settings settings) {
        this(outbox, record, templates, templateEngine, channels, clock, settings,
                new io.tidings.core.events.StatusEvents());
    }

    /** @param events where each status change is reported once recorded */
    public Dispatcher(OutboxRepository outbox, CommunicationRecord record,
            BiFunction<String, Integer, Optional<Template>> templates, TemplateEngine templateEngine,
            ChannelRegistry channels, Clock clock, Settings settings, io.tidings.core.events.StatusEvents events) {
        this.events = events;
        this.outbox = outbox;
        this.record = record;
        this.channels = channels;
        this.clock = clock;
        this.settings = settings;
        this.claimer = new Claimer(outbox, settings, events);
        this.preparer = new MessagePreparer(templates, templateEngine);
        this.router = new Router(channels);
        this.recorder = new OutcomeRecorder(outbox, clock, settings, claimer, events);
        this.housekeeping = new Housekeeping(outbox, record, channels, clock, this::wake,
                recheckInterval(settings.retryBudget()), settings);
        this.watch = new ChannelWatch(channels, outbox, clock, this::wake);
        this.handOver = new HandOver(outbox, claimer, preparer, recorder, events);
        // rules' own caps apply from the start; frequencyCaps adds the purposes' defaults
        this.frequency = record == null ? null : new FrequencyGate(record, Map.of(), key -> rules.apply(key));
    }

    /**
     * Finds a communication's rule by key: its preferred channel is tried first (failing over by
     * priority) and its purpose decides tracking and the unsubscribe header. Read at each attempt,
     * so a changed rule applies to queued messages.
     */
    public void rules(Function<String, Optional<NotificationRule>> byKey) {
        this.rules = byKey;
    }

    /**
     * Opt-outs recorded by Tidings, checked again before each attempt: a message that may no longer
     * go is SUPPRESSED with the reason. Without it, consent is checked only when a message is planned.
     */
    public void consent(io.tidings.core.store.ConsentRepository repository) {
        this.optOuts = repository;
        gate();
    }

    /**
     * Frequency caps: the purposes' defaults (rules may carry their own), checked before each attempt
     * against what the record says each recipient was sent.
     */
    public void frequencyCaps(Map<Purpose, io.tidings.api.rule.FrequencyCap> defaults) {
        this.frequency = record == null ? null : new FrequencyGate(record, defaults, key -> rules.apply(key));
    }

    /**
     * The suppression list, checked with the opt-outs before each attempt: a message to an address on
     * it (within the entry's scope) is SUPPRESSED with the entry's reason.
     */
    public void suppressions(io.tidings.core.store.SuppressionRepository repository) {
        this.suppressions = repository;
        gate();
    }

    private synchronized void gate() {
        consent = optOuts == null && suppressions == null ? null : new ConsentGate(optOuts, suppressions);
    }

    /**
     * How often messages waiting for an unavailable channel are looked at again, so that those whose
     * retry budget is spent fail: a tenth of the budget, between a second and five minutes.
     */
    static Duration recheckInterval(Duration retryBudget) {
        Duration tenth = retryBudget.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : tenth.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : tenth;
    }

    /** What adds render data (signed links, …) to each message, read at each attempt. */
    public void contributors(Supplier<? extends Collection<RenderDataContributor>> contributors) {
        preparer.contributors(contributors);
    }

    /** What changes each message before its channel gets it (tracking, unsubscribe links), read at each attempt. */
    public void decorators(Supplier<? extends Collection<MessageDecorator>> decorators) {
        preparer.decorators(decorators);
    }

    /** Where outcomes are counted for monitoring; a new dispatcher given the same counters goes on counting. */
    public void counters(SendCounters counters) {
        recorder.counters(counters);
    }

    /**
     * Whether an operator paused dispatch: while it says so, nothing is claimed (housekeeping goes
     * on). Read before every round, so a pause kept outside the dispatcher outlives its restarts.
     */
    public void paused(java.util.function.BooleanSupplier paused) {
        this.paused = paused;
    }

    /** See {@link Housekeeping#retention}. */
    public void retention(Duration keep) {
        housekeeping.retention(keep);
    }

    /** Resolves the attachments of email templates (by default: 10 MB per message, 20 s per fetch). */
    public void attachments(AttachmentResolver resolver) {
        preparer.attachments(resolver);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        housekeeping.start();
        watch.start();
        thread = TidingsThreads.daemon("tidings-dispatch", this::loop);
        thread.start();
    }

    /** Communications claimed whose outcome is not recorded yet. */
    public int inFlight() {
        return claimer.inFlight();
    }

    /** Messages handed to the channel whose outcome is not recorded yet. */
    public int inFlight(String channel) {
        return recorder.inFlight(channel);
    }

    /** Rows claimed per second over the last ten seconds. */
    public double claimedPerSecond() {
        return claimer.claimedPerSecond();
    }

    /** Something may be due now (an event was accepted, a channel arrived). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** A channel arrived: what waited for its media is due now. */
    public void channelAdded(List<Medium> media) {
        Instant now = clock.instant();
        for (Medium medium : media) {
            try {
                outbox.wakeWaiting(medium, now);
            } catch (RuntimeException e) {
                LOG.warn("Could not wake communications waiting for {}: {}", medium, e.toString());
            }
        }
        wake();
    }

    /**
     * A provider's report on a sent message (a receipt, a gateway callback), recorded after the SENT
     * outcomes this node still holds: a receipt can overtake the write of its own SENT.
     *
     * @return false when no communication of the channel carries the id (yet)
     */
    public boolean feedback(String channel, String providerMessageId, CommunicationStatus status, String reason) {
        return recorder.feedback(channel, providerMessageId, status, reason);
    }

    /** {@link #feedback}, answered once recorded: reports that arrive together share one transaction. */
    public java.util.concurrent.CompletableFuture<Boolean> feedbackAsync(String channel, String providerMessageId,
            CommunicationStatus status, String reason) {
        return recorder.feedbackAsync(channel, providerMessageId, status, reason);
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        wake();
        housekeeping.close();
        watch.close();
        handOver.close();
        if (t != null) {
            try {
                t.join(5_000);
                // give sends in progress a moment to record their outcome; the rest is recovered by lease expiry
                claimer.awaitIdle(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        recorder.close();
    }

    private void loop() {
        while (running) {
            try {
                if (paused.getAsBoolean()) {
                    awaitSignal();
                } else if (runOnce() == 0) {
                    awaitSignal();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // nothing a round meets may end the only claiming thread: it would stop all sending
                LOG.warn("Dispatch round failed, retrying shortly: {}", e.toString());
                awaitSignal();
            }
        }
    }

    /**
     * Claims and hands out what is due, pipelined: while a round's messages are prepared, the next
     * round is claimed in the same transaction that marks them handed over, and prepared while they are
     * in their channels. Claims never exceed the free in-flight slots, so nothing holds more than
     * {@link Settings#maxInFlight()} rows however long the backlog. Returns when a claim finds nothing
     * more (or no free slot), dispatch is paused or stopping.
     *
     * @return how many were claimed
     */
    int runOnce() throws InterruptedException {
        Claimer.Batch batch = claimer.claim(clock.instant());
        int claimed = batch.due().size();
        List<HandOver.Ready> ready = prepare(batch);
        while (!ready.isEmpty()) {
            boolean more = running && !paused.getAsBoolean();
            List<String> ids = ready.stream().map(r -> r.communication().id()).toList();
            Claimer.Batch next;
            try {
                next = more ? claimer.claim(clock.instant(), ids, false) : Claimer.Batch.EMPTY;
                if (!more) {
                    outbox.markHandedOver(ids);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not mark {} communication(s) as handed over; they are queued again: {}", ready.size(),
                        e.toString());
                handOver.requeue(ready);
                return claimed;
            }
            handOver.marked(ready);
            claimed += next.due().size();
            ready = prepare(next);
        }
        return claimed;
    }

    /** Prepares a claimed batch: what is ready for its channel, the rest recorded and its slots freed. */
    private List<HandOver.Ready> prepare(Claimer.Batch batch) {
        if (batch.due().isEmpty()) {
            return List.of();
        }
        List<HandOver.Ready> ready = new java.util.ArrayList<>(batch.due().size());
        ConsentGate gate = consent;
        ConsentGate.Checked checked = null;
        if (gate != null) {
            try {
                checked = gate.of(batch.due());
            } catch (RuntimeException e) {
                // each message is checked on its own instead
                LOG.warn("Reading the opt-outs and suppressions of {} claimed communication(s) failed: {}", batch.due().size(), e.toString());
            }
        }
        FrequencyGate caps = frequency;
        FrequencyGate.Checked capped = null;
        if (caps != null) {
            try {
                capped = caps.of(batch.due(), clock.instant());
            } catch (RuntimeException e) {
                // the caps cannot be counted now: the batch goes back to wait rather than exceed them
                LOG.warn("Reading what {} claimed communication(s)' recipients were sent failed: {}", batch.due().size(),
                        e.toString());
                try {
                    outbox.releaseLeases(batch.due().stream().map(Communication::id).toList());
                } finally {
                    claimer.release(batch.due().size());
                }
                return List.of();
            }
        }
        for (Communication communication : batch.due()) {
            if (!running) {
                try {
                    outbox.releaseLeases(List.of(communication.id()));
                } catch (RuntimeException e) {
                    // its lease expires
                } finally {
                    claimer.release();
                }
                continue;
            }
            try (LogContext log = LogContext.of(communication, null)) {
                HandOver.Ready r = prepare(communication, batch.events().get(communication.eventId()), checked, capped,
                        batch.claimedNanos());
                if (r != null) {
                    ready.add(r);
                }
            }
        }
        return ready;
    }

    private void awaitSignal() {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(settings.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /**
     * Prepares and routes one claimed communication. What is not to be sent now (failed, suppressed,
     * waiting, retried) is recorded here and its in-flight slot freed.
     *
     * @param read    its event as read with the batch; null to read it now
     * @param checked the opt-outs of its batch; null to read its own
     * @return the message to hand to its channel, or null
     */
    private HandOver.Ready prepare(Communication c, BusinessEvent read, ConsentGate.Checked checked,
            FrequencyGate.Checked capped, long claimedNanos) {
        boolean ready = false;
        try {
            NotificationRule rule = c.ruleKey() == null ? null : rules.apply(c.ruleKey()).orElse(null);
            Purpose purpose = rule == null ? null : rule.purpose();
            ConsentGate gate = consent;
            String refusal = checked != null ? checked.refusal(c, purpose)
                    : gate == null ? null : gate.refusal(c, purpose);
            if (refusal == null && capped != null) {
                refusal = capped.refusal(c, rule, clock.instant());
            }
            if (refusal != null) {
                if (outbox.markFinal(c.id(), CommunicationStatus.SUPPRESSED, refusal)) {
                    events.changed(c, CommunicationStatus.SUPPRESSED, refusal, null);
                }
                recorder.counters().count(SendCounters.SUPPRESSED, null, c.medium());
                return null;
            }
            MessagePreparer.Rendered rendered = preparer.render(c,
                    read != null ? Optional.of(read) : outbox.event(c.eventId()), rule == null ? null : rule.replyTo());
            Router.Routing routing = router.route(c, rule, rendered.withFiles());
            if (routing instanceof Router.NoChannel) {
                String waiting = Router.noChannel(c.medium());
                outbox.markWaiting(c.id(), waiting);
                events.changed(c, CommunicationStatus.QUEUED, waiting, null);
                // a channel that arrived since the verdict: what waits for it is due now
                if (!channels.candidates(c.medium()).isEmpty()) {
                    outbox.wakeWaiting(c.medium(), clock.instant());
                }
            } else if (routing instanceof Router.Unavailable unavailable) {
                // nothing left Tidings: waiting costs no attempt, and the channel watch wakes it
                recorder.waitForChannel(c, unavailable.reason());
                if (router.route(c, rule, rendered.withFiles()) instanceof Router.Chosen) {
                    outbox.wakeWaiting(c.medium(), clock.instant());
                }
            } else if (routing instanceof Router.Incapable incapable) {
                recorder.retry(c, null, incapable.reason(), null);
            } else if (routing instanceof Router.Chosen chosen) {
                LogContext.channel(chosen.route().name());
                if (rendered.withFiles()) {
                    // fetched off the claim loop: a slow file server must not hold up every other message
                    ready = true;
                    handOver.afterFetching(rendered, chosen.route(), purpose, claimedNanos);
                    return null;
                }
                OutboundMessage message = preparer.completeWithoutFiles(rendered, purpose);
                ready = true;
                return new HandOver.Ready(c, chosen.route(), rendered.message(), message, claimedNanos);
            }
        } catch (MessagePreparer.Unpreparable e) {
            recorder.counters().renderFailed();
            fail(c, e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.warn("Dispatching communication {} failed: {}", c.id(), e.toString());
            try {
                recorder.retry(c, null, "internal error: " + e.getClass().getSimpleName(), null);
            } catch (RuntimeException again) {
                LOG.warn("Could not record the failure of communication {}; its lease will expire: {}", c.id(),
                        again.toString());
            }
        } finally {
            if (!ready) {
                claimer.release();
            }
        }
        return null;
    }

    private void fail(Communication c, String reason) {
        recorder.counters().count(SendCounters.FAILED, null, c.medium());
        try {
            if (outbox.markFinal(c.id(), CommunicationStatus.FAILED, reason)) {
                events.changed(c, CommunicationStatus.FAILED, reason, null);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not fail communication {} ({}); its lease will expire: {}", c.id(), reason, e.toString());
        }
    }
}
