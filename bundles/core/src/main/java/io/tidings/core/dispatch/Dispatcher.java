package io.tidings.core.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.channel.Attachment;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;
import io.tidings.api.link.LinkAction;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateEngine;
import io.tidings.core.spi.MessageDecorator;
import io.tidings.core.spi.RenderDataContributor;
import io.tidings.core.store.CommunicationRecord;
import io.tidings.core.store.OutboxRepository;

/**
 * Claims due communications from the store, renders them, routes each to a channel of its medium
 * and records the outcome. One claiming thread; sends are asynchronous, bounded by
 * {@link Settings#maxInFlight()}.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final String NO_CHANNEL = "no channel";
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(10);
    static final Duration PURGE_INTERVAL = Duration.ofHours(1);
    private static final int PURGE_BATCH = 1_000;
    /** Batches of one purge round, at most: the rest waits for the next round. */
    private static final int PURGE_ROUND = 100;

    /** How the dispatcher paces itself. */
    public record Settings(int batchSize, int maxInFlight, int maxAttempts, Duration lease, Duration pollInterval,
            Backoff backoff) {
        public Settings {
            if (batchSize < 1 || maxInFlight < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException("batchSize, maxInFlight and maxAttempts must be at least 1");
            }
        }

        public static Settings defaults() {
            return new Settings(50, 200, 6, Duration.ofMinutes(2), Duration.ofMillis(500),
                    new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), 0.2));
        }
    }

    private final OutboxRepository store;
    private final CommunicationRecord record;
    private final BiFunction<String, Integer, Optional<Template>> templates;
    private final TemplateEngine templateEngine;
    private final ChannelRegistry channels;
    private final Clock clock;
    private final Settings settings;
    private final Semaphore inFlight;
    private final java.util.concurrent.ExecutorService recorder = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tidings-dispatch-outcomes");
        t.setDaemon(true);
        return t;
    });
    private final Object signal = new Object();
    private volatile boolean running;
    private boolean woken;
    private Thread thread;
    private Instant lastSweep = Instant.EPOCH;

    private volatile Function<String, Optional<NotificationRule>> rules;
    private volatile java.util.function.Supplier<? extends java.util.Collection<RenderDataContributor>> contributors = List::of;
    private volatile java.util.function.Supplier<? extends java.util.Collection<MessageDecorator>> decorators = List::of;
    private volatile Duration retention;
    private Instant lastPurge = Instant.EPOCH;
    private volatile AttachmentResolver attachments = new AttachmentResolver(10L * 1024 * 1024, Duration.ofSeconds(20));
    /**
     * Sends handed to channels whose outcome is not recorded yet, by communication: provider feedback
     * records the completed ones first, however the channel's completion and the engine's callback raced.
     */
    private final Map<String, HandOver> unrecorded = new ConcurrentHashMap<>();

    /** A send being handed over: its future and what records its outcome, once {@link #sent} is called. */
    private static final class HandOver {
        private final CountDownLatch ready = new CountDownLatch(1);
        private volatile CompletableFuture<SendResult> future;
        private volatile BiConsumer<SendResult, Throwable> recordOnce;

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

    /** How long feedback waits for a send still being handed to its channel. */
    private static final long HAND_OVER_WAIT_MILLIS = 200;
    /** SENT outcomes waiting for {@link #flushSent}; touched on the recorder thread only. */
    private final List<OutboxRepository.Sent> sent = new java.util.ArrayList<>();
    private boolean flushScheduled;

    /**
     * @param templates finds a template by key and version (null version: the current one)
     */
    public Dispatcher(OutboxRepository store, CommunicationRecord record, BiFunction<String, Integer, Optional<Template>> templates,
            TemplateEngine templateEngine, ChannelRegistry channels, Clock clock, Settings settings) {
        this.store = store;
        this.record = record;
        this.templates = templates;
        this.templateEngine = templateEngine;
        this.channels = channels;
        this.clock = clock;
        this.settings = settings;
        this.inFlight = new Semaphore(settings.maxInFlight());
    }

    /**
     * Finds a communication's rule by key: its preferred channel is tried first (failing over by
     * priority) and its purpose decides tracking and the unsubscribe header. Read at each attempt,
     * so a changed rule applies to queued messages.
     */
    public void rules(Function<String, Optional<NotificationRule>> byKey) {
        this.rules = byKey;
    }

    /** What adds render data (signed links, …) to each message, read at each attempt. */
    public void contributors(java.util.function.Supplier<? extends java.util.Collection<RenderDataContributor>> contributors) {
        this.contributors = contributors;
    }

    /** What changes each message before its channel gets it (tracking, unsubscribe links), read at each attempt. */
    public void decorators(java.util.function.Supplier<? extends java.util.Collection<MessageDecorator>> decorators) {
        this.decorators = decorators;
    }

    /**
     * How long the record keeps communications that are done with, and their events; null or zero
     * keeps them for good. Purged at most once every {@link #PURGE_INTERVAL}, in batches.
     */
    public void retention(Duration keep) {
        this.retention = keep == null || keep.isZero() || keep.isNegative() ? null : keep;
    }

    /** Resolves the attachments of email templates (by default: 10 MB per message, 20 s per fetch). */
    public void attachments(AttachmentResolver resolver) {
        this.attachments = resolver;
    }

    private NotificationRule ruleOf(Communication c) {
        Function<String, Optional<NotificationRule>> byKey = rules;
        return byKey == null || c.ruleKey() == null ? null : byKey.apply(c.ruleKey()).orElse(null);
    }

    /** The candidates by priority, the rule's preferred channel first when it serves the medium. */
    private List<ChannelRegistry.Route> routes(Communication c, NotificationRule rule) {
        List<ChannelRegistry.Route> candidates = channels.candidates(c.medium());
        String preferred = rule == null ? null : rule.channel();
        if (preferred == null || candidates.size() < 2 || preferred.equals(candidates.get(0).name())) {
            return candidates;
        }
        List<ChannelRegistry.Route> ordered = new java.util.ArrayList<>(candidates.size());
        for (ChannelRegistry.Route route : candidates) {
            if (route.name().equals(preferred)) {
                ordered.add(0, route);
            } else {
                ordered.add(route);
            }
        }
        return ordered;
    }

    /** The event data, plus what the contributors add for this message (the signed links of its recipient). */
    private Map<String, Object> renderData(Communication c, BusinessEvent event) {
        java.util.Collection<RenderDataContributor> all = contributors.get();
        if (all.isEmpty()) {
            return event.data();
        }
        Map<String, Object> data = new HashMap<>(event.data());
        for (RenderDataContributor contributor : all) {
            data.putAll(contributor.renderData(c, event));
        }
        return data;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "tidings-dispatch");
        thread.setDaemon(true);
        thread.start();
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
                store.wakeWaiting(medium, now);
            } catch (RuntimeException e) {
                LOG.warn("Could not wake communications waiting for {}: {}", medium, e.toString());
            }
        }
        wake();
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
        if (t != null) {
            try {
                t.join(5_000);
                // give sends in progress a moment to record their outcome; the rest is recovered by lease expiry
                if (inFlight.tryAcquire(settings.maxInFlight(), 5, TimeUnit.SECONDS)) {
                    inFlight.release(settings.maxInFlight());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // no interrupt: outcomes still queued are recorded, a late one finds the executor gone and
        // its communication is recovered when its lease expires
        recorder.shutdown();
    }

    private void loop() {
        while (running) {
            try {
                int claimed = runOnce();
                if (claimed == 0) {
                    awaitSignal();
                }
            } catch (RuntimeException e) {
                LOG.warn("Dispatch round failed, retrying shortly: {}", e.toString());
                awaitSignal();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One round: housekeeping, then claim and hand out what is due. @return how many were claimed */
    int runOnce() throws InterruptedException {
        Instant now = clock.instant();
        if (Duration.between(lastSweep, now).compareTo(SWEEP_INTERVAL) >= 0) {
            lastSweep = now;
            sweep(now);
        }
        // wait for a free slot before claiming, so claimed rows never sit unsent behind a full window
        inFlight.acquire();
        int free = 1 + inFlight.drainPermits();
        int limit = Math.min(settings.batchSize(), free);
        List<Communication> due;
        try {
            due = store.claimDue(now, limit, now.plus(settings.lease()));
        } catch (RuntimeException e) {
            inFlight.release(free);
            throw e;
        }
        inFlight.release(free - due.size());
        Map<String, BusinessEvent> events = Map.of();
        if (!due.isEmpty()) {
            try {
                events = store.events(due.stream().map(Communication::eventId).toList());
            } catch (RuntimeException e) {
                LOG.warn("Reading the events of {} claimed communication(s) failed; each is read again: {}", due.size(),
                        e.toString());
            }
        }
        for (Communication communication : due) {
            if (!running) {
                store.releaseLeases(List.of(communication.id()));
                inFlight.release();
                continue;
            }
            dispatch(communication, events.get(communication.eventId()));
        }
        return due.size();
    }

    private void sweep(Instant now) {
        purge(now);
        // the first round after a start runs this before claiming: reminders whose appointment passed
        // while the node was down are suppressed, not sent late
        int expired = store.suppressExpiredReminders(now);
        if (expired > 0) {
            LOG.info("{} reminder(s) not sent: their appointment has passed", expired);
        }
        int released = store.releaseExpiredLeases(now);
        if (released > 0) {
            LOG.warn("{} communication(s) had an expired lease and are queued again (outcome of their last attempt unknown)",
                    released);
        }
        // a channel that arrived between a "no channel" verdict and its recording must not leave rows waiting
        for (Medium medium : Medium.values()) {
            if (!channels.candidates(medium).isEmpty()) {
                store.wakeWaiting(medium, now);
            }
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
            for (int round = 0; round < PURGE_ROUND && running; round++) {
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
     * Renders, routes and sends one claimed communication; releases its in-flight slot when done.
     *
     * @param read its event as read with the batch; null to read it now
     */
    void dispatch(Communication c, BusinessEvent read) {
        boolean handedOver = false;
        try {
            Optional<BusinessEvent> event = read != null ? Optional.of(read) : store.event(c.eventId());
            if (event.isEmpty()) {
                store.markFinal(c.id(), CommunicationStatus.FAILED, "its event '" + c.eventId() + "' is missing");
                return;
            }
            Optional<Template> template = templates.apply(c.templateKey(), null);
            if (template.isEmpty()) {
                store.markFinal(c.id(), CommunicationStatus.FAILED,
                        "template '" + c.templateKey() + "' no longer exists");
                return;
            }
            RenderedMessage rendered;
            Map<String, Object> data;
            try {
                data = renderData(c, event.get());
                rendered = templateEngine.render(template.get(), c.language(), data);
            } catch (ValidationException e) {
                store.markFinal(c.id(), CommunicationStatus.FAILED, "cannot render: " + e.getMessage());
                return;
            }
            NotificationRule rule = ruleOf(c);
            Purpose purpose = rule == null ? null : rule.purpose();
            List<ChannelRegistry.Route> candidates = routes(c, rule);
            boolean withFiles = !template.get().attachments().isEmpty();
            if (withFiles && !candidates.isEmpty()) {
                // a channel that cannot carry the files would drop them silently: retried, then FAILED
                candidates = candidates.stream().filter(r -> r.channel().capabilities().attachments()).toList();
                if (candidates.isEmpty()) {
                    retry(c, null, "no " + c.medium() + " channel carries attachments", null);
                    return;
                }
            }
            if (candidates.isEmpty()) {
                store.markWaiting(c.id(), NO_CHANNEL);
                if (!channels.candidates(c.medium()).isEmpty()) {
                    store.wakeWaiting(c.medium(), clock.instant());
                }
                return;
            }
            ChannelRegistry.Route route = null;
            StringBuilder unavailable = new StringBuilder();
            for (ChannelRegistry.Route candidate : candidates) {
                ChannelState state = candidate.channel().state();
                if (state.available()) {
                    route = candidate;
                    break;
                }
                unavailable.append(unavailable.length() == 0 ? "" : "; ").append(candidate.name()).append(": ")
                        .append(state.detail());
            }
            if (route == null) {
                retry(c, null, "no channel available (" + unavailable + ")", null);
                return;
            }
            // fetched only once a channel will take the message: a message that waits fetches nothing
            List<Attachment> files;
            try {
                files = withFiles ? attachments.resolve(template.get(), event.get().data()) : List.of();
            } catch (AttachmentResolver.AttachmentException e) {
                if (e.transientFailure()) {
                    retry(c, null, e.getMessage(), null);
                } else {
                    store.markFinal(c.id(), CommunicationStatus.FAILED, e.getMessage());
                }
                return;
            }
            OutboundMessage message = new OutboundMessage(c.id(), c.medium(), c.recipient(),
                    recipientName(event.get(), c.recipient()), rendered.subject(), rendered.text(), rendered.html(),
                    rendered.language(), c.attempts() + 1, country(event.get()), files, null);
            for (MessageDecorator decorator : decorators.get()) {
                message = decorator.decorate(message, c, purpose);
            }
            ChannelRegistry.Route chosen = route;
            // known before the channel can answer, so that provider feedback finds it (see feedback)
            HandOver handOver = new HandOver();
            unrecorded.put(c.id(), handOver);
            CompletionStage<SendResult> sending;
            try {
                sending = chosen.channel().send(message);
            } catch (RuntimeException e) {
                unrecorded.remove(c.id(), handOver);
                throw e;
            }
            handedOver = true;
            // Outcomes are recorded on the dispatcher's own thread, never on a channel's: a channel
            // thread may be interrupted (bundle stopping), and an interrupt during H2's file I/O
            // closes the whole database. It also frees the channel's thread for its next send.
            AtomicBoolean recorded = new AtomicBoolean();
            BiConsumer<SendResult, Throwable> recordOnce = (result, error) -> {
                if (!recorded.compareAndSet(false, true)) {
                    return;
                }
                unrecorded.remove(c.id(), handOver);
                boolean deferred = false;
                try {
                    deferred = record(c, chosen.name(), rendered, result, error);
                } finally {
                    if (!deferred) {
                        inFlight.release();
                    }
                }
            };
            handOver.sent(sending, recordOnce);
            sending.whenCompleteAsync(recordOnce, recorder);
        } catch (RuntimeException e) {
            LOG.warn("Dispatching communication {} failed: {}", c.id(), e.toString());
            try {
                retry(c, null, "internal error: " + e.getClass().getSimpleName(), null);
            } catch (RuntimeException again) {
                LOG.warn("Could not record the failure of communication {}; its lease will expire: {}", c.id(),
                        again.toString());
            }
        } finally {
            if (!handedOver) {
                inFlight.release();
            }
        }
    }

    /**
     * Records a send's outcome, on the recorder thread.
     *
     * @return true when the outcome waits in {@link #sent} for the next {@link #flushSent} (which
     *         releases its in-flight slot), false when it is recorded already
     */
    private boolean record(Communication c, String channel, RenderedMessage rendered, SendResult result,
            Throwable error) {
        try {
            if (error != null || result == null) {
                String reason = error == null ? "the channel returned no result" : describe(error);
                retry(c, channel, reason, null);
                return false;
            }
            switch (result.outcome()) {
                case SENT -> {
                    // outcomes come in bursts: those that arrive while one is written go in one transaction
                    sent.add(new OutboxRepository.Sent(c.id(), channel, result.providerMessageId(), rendered.templateVersion(),
                            rendered.language(), rendered.subject(), rendered.text(), clock.instant()));
                    if (!flushScheduled) {
                        flushScheduled = true;
                        try {
                            recorder.execute(this::flushSent);
                        } catch (RejectedExecutionException closing) {
                            flushSent();
                        }
                    }
                    return true;
                }
                case TRANSIENT_FAILURE -> retry(c, channel, Objects.toString(result.error(), "transient failure"),
                        result.retryAfter());
                case PERMANENT_FAILURE -> store.markFinal(c.id(), CommunicationStatus.FAILED,
                        channel + ": " + Objects.toString(result.error(), "permanent failure"));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not record the outcome of communication {}; its lease will expire: {}", c.id(),
                    e.toString());
        }
        return false;
    }

    /**
     * Provider feedback, recorded on the recorder thread after the SENT outcomes waiting there: a
     * channel completes its send before it reports the receipt, so the SENT with its provider id is
     * written first, and a reused provider id cannot be taken for an older message instead.
     */
    public boolean feedback(String channel, String providerMessageId, CommunicationStatus status, String reason) {
        CompletableFuture<Boolean> recorded;
        try {
            recorded = CompletableFuture.supplyAsync(() -> {
                // a send the channel answered before the engine's callback ran (or was even attached)
                unrecorded.values().forEach(HandOver::recordIfAnswered);
                flushSent();
                return store.markByProviderId(channel, providerMessageId, status, reason);
            }, recorder);
        } catch (RejectedExecutionException closing) {
            return store.markByProviderId(channel, providerMessageId, status, reason);
        }
        try {
            return recorded.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Writes the SENT outcomes gathered since the last flush in one transaction (recorder thread). */
    private void flushSent() {
        flushScheduled = false;
        List<OutboxRepository.Sent> batch = new java.util.ArrayList<>(sent);
        sent.clear();
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.markSentAll(batch);
        } catch (RuntimeException e) {
            LOG.warn("Could not record {} sent communication(s); their leases will expire: {}", batch.size(),
                    e.toString());
        } finally {
            inFlight.release(batch.size());
        }
    }

    private void retry(Communication c, String channel, String reason, Duration retryAfter) {
        int attempt = c.attempts() + 1;
        String where = channel == null ? "" : channel + ": ";
        if (attempt >= settings.maxAttempts()) {
            store.markFinal(c.id(), CommunicationStatus.FAILED,
                    "gave up after " + attempt + " attempts; last: " + where + reason);
            return;
        }
        Duration wait = retryAfter != null ? retryAfter : settings.backoff().delay(attempt);
        store.markRetry(c.id(), channel, "attempt " + attempt + " failed: " + where + reason
                + "; next in " + wait.toSeconds() + " s", clock.instant().plus(wait));
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** The country of the event's location ({@code data.location.country}), for phone numbers without one. */
    static String country(BusinessEvent event) {
        if (event.data().get("location") instanceof Map<?, ?> location && location.get("country") != null) {
            String country = location.get("country").toString().trim();
            return country.isEmpty() ? null : country;
        }
        return null;
    }

    /** The display name of the contact whose address this is, when the event carries it. */
    @SuppressWarnings("unchecked")
    static String recipientName(BusinessEvent event, String recipient) {
        if (recipient == null) {
            return null;
        }
        for (Object value : event.data().values()) {
            if (value instanceof Map<?, ?> map
                    && (recipient.equals(map.get("email")) || recipient.equals(map.get("phone")))) {
                Object name = ((Map<String, Object>) map).get("name");
                return name == null ? null : name.toString();
            }
        }
        return null;
    }
}
