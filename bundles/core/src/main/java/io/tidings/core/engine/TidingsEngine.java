package io.tidings.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.contact.ContactAddresses;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.RuleEngine;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateEngine;
import io.tidings.core.dispatch.AttachmentResolver;
import io.tidings.core.dispatch.ChannelRegistry;
import io.tidings.core.dispatch.Dispatcher;
import io.tidings.core.ingest.Ingest;
import io.tidings.core.plan.ManualMessages;
import io.tidings.core.plan.Planner;
import io.tidings.core.spi.MessageDecorator;
import io.tidings.core.spi.RenderDataContributor;
import io.tidings.core.store.CommunicationRecord;
import io.tidings.core.store.ConsentRepository;
import io.tidings.core.store.LocationRepository;
import io.tidings.core.store.OutboxRepository;

/**
 * The engine assembled once, in plain Java: ingest → plan → queue → dispatch → channel → feedback.
 * Karaf's components ({@link EngineComponent}), the engine tests and the benchmarks all build the
 * engine here, so their wirings cannot drift apart.
 */
public final class TidingsEngine implements AutoCloseable {

    /**
     * What the engine runs on.
     *
     * @param addresses the form the rule engine writes recipients' addresses in (phone numbers in
     *                  E.164): erasure and look-ups by contact bring their input to it
     * @param rules     the current rules (ingest plans against them; a cached view is fine)
     * @param rule      a rule by key (dispatch reads each attempt's rule: preferred channel, purpose)
     * @param templates a template by key and version (null version: the current one)
     */
    public record Parts(OutboxRepository outbox, CommunicationRecord record, LocationRepository locations,
            ConsentRepository consent, RuleEngine ruleEngine, ContactAddresses addresses, TemplateEngine templateEngine,
            Supplier<List<NotificationRule>> rules, Function<String, Optional<NotificationRule>> rule,
            BiFunction<String, Integer, Optional<Template>> templates, Clock clock) {
    }

    private final Parts parts;
    private final ChannelRegistry channels;
    private final Ingest ingest;
    private final Planner planner;

    /** Where the planner finds the units above an event's unit (rules of those apply to it). */
    public void unitLineage(Function<String, List<String>> lineage) {
        planner.unitLineage(lineage);
    }
    private final EngineService service;
    private volatile Dispatcher dispatcher;
    /** The built-in render data: a digest's items, before what contributors add. */
    private final io.tidings.core.plan.Digests digests;
    private final io.tidings.core.events.StatusEvents events = new io.tidings.core.events.StatusEvents();
    /** An operator's pause, kept here so that a restart of the send path (new settings) keeps it. */
    private volatile boolean paused;
    private final io.tidings.core.dispatch.SendCounters counters = new io.tidings.core.dispatch.SendCounters();
    private volatile Supplier<? extends Collection<RenderDataContributor>> contributors = List::of;
    private volatile Supplier<? extends Collection<MessageDecorator>> decorators = List::of;
    private volatile Map<io.tidings.api.Purpose, io.tidings.api.rule.FrequencyCap> frequencyCaps = Map.of();
    private volatile io.tidings.core.store.SuppressionRepository suppressions;

    public TidingsEngine(Parts parts) {
        this(parts, new ChannelRegistry());
    }

    /** @param channels the channels known so far (in Karaf, bound before the engine was built) */
    public TidingsEngine(Parts parts, ChannelRegistry channels) {
        this.parts = parts;
        this.channels = channels;
        Planner planner = new Planner(parts.ruleEngine(), parts.templateEngine(), parts.clock(), parts.outbox(),
                parts.locations(), parts.consent());
        if (parts.record() != null) {
            // explain counts as the send path will: the current purpose defaults, the record's sends
            planner.capNotes((rule, recipient, now) -> new io.tidings.core.dispatch.FrequencyGate(parts.record(),
                    frequencyCaps, parts.rule()).explain(rule, recipient, now));
        }
        this.planner = planner;
        this.digests = new io.tidings.core.plan.Digests(parts.rule(), parts.outbox());
        this.ingest = new Ingest(parts.outbox(), planner, parts.rules(), key -> parts.templates().apply(key, null),
                this::wake);
        this.service = new EngineService(ingest, parts.outbox(), parts.record(), parts.addresses(), new EngineService.Feedback() {
            @Override
            public boolean report(String channel, String id, CommunicationStatus status, String reason) {
                return feedback(channel, id, status, reason);
            }

            @Override
            public java.util.concurrent.CompletionStage<Boolean> reportAsync(String channel, String id,
                    CommunicationStatus status, String reason) {
                return feedbackAsync(channel, id, status, reason);
            }
        },
                parts.clock(), this::wake);
        this.ingest.events(events);
        this.ingest.onAccepted(counters::ingested);
        this.service.events(events);
        this.service.complaints(counters::complained);
        channels.inFlight(name -> {
            Dispatcher d = dispatcher;
            return d == null ? 0 : d.inFlight(name);
        });
    }

    /** Who is told of each status change (EventAdmin's publisher), read at each change. */
    public TidingsEngine statusListeners(
            Supplier<? extends Collection<io.tidings.core.events.StatusListener>> listeners) {
        events.listeners(listeners);
        return this;
    }

    /** Render data and message decorations (links, tracking, a partner's), read at each attempt. */
    public TidingsEngine contributions(Supplier<? extends Collection<RenderDataContributor>> contributors,
            Supplier<? extends Collection<MessageDecorator>> decorators) {
        this.contributors = contributors;
        this.decorators = decorators;
        return this;
    }

    /** The suppression list the send path checks before each attempt; applies from the next start. */
    public TidingsEngine suppressions(io.tidings.core.store.SuppressionRepository suppressions) {
        this.suppressions = suppressions;
        return this;
    }

    /**
     * Starts (or restarts with new settings) the send path; channels registered so far stay.
     *
     * @param retention how long the record keeps what is done with; null or zero: for good
     * @param attachments the fetcher of template attachments; null for the default limits
     */
    public synchronized void start(Dispatcher.Settings settings, Duration retention, AttachmentResolver attachments) {
        stop();
        // the built-in templates of agents' messages are no one's to edit: never in the store
        Dispatcher d = new Dispatcher(parts.outbox(), parts.record(), (key, version) -> ManualMessages.template(key)
                .or(() -> parts.templates().apply(key, version)), parts.templateEngine(), channels, parts.clock(),
                settings, events);
        d.rules(parts.rule());
        d.consent(parts.consent());
        d.frequencyCaps(frequencyCaps);
        d.suppressions(suppressions);
        d.counters(counters);
        d.contributors(() -> {
            List<RenderDataContributor> all = new java.util.ArrayList<>();
            all.add(digests);
            all.addAll(contributors.get());
            return all;
        });
        d.decorators(() -> decorators.get());
        d.retention(retention);
        d.paused(() -> paused);
        if (attachments != null) {
            d.attachments(attachments);
        }
        dispatcher = d;
        // its first housekeeping sweep makes due what waited for the channels registered so far
        d.start();
    }

    /**
     * The purposes' default frequency caps (at most N messages to one contact per period; rules may
     * carry their own), applied by the next {@link #start}.
     */
    public TidingsEngine frequencyCaps(Map<io.tidings.api.Purpose, io.tidings.api.rule.FrequencyCap> caps) {
        this.frequencyCaps = Map.copyOf(caps);
        return this;
    }

    /** Stops the send path: sends in progress get a moment to record their outcome. */
    public synchronized void stop() {
        Dispatcher d = dispatcher;
        dispatcher = null;
        if (d != null) {
            d.close();
        }
    }

    @Override
    public void close() {
        stop();
        ingest.close();
    }

    /** A channel service arrived (or its routing keys changed): what waited for its media is due now. */
    public void addChannel(Channel channel, Map<String, ?> properties) {
        channelAdded(channels.add(channel, properties));
    }

    /** A channel of these media was added to {@link #channels()}: what waited for them is due now. */
    public void channelAdded(List<Medium> media) {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.channelAdded(media);
        }
    }

    public void removeChannel(Channel channel) {
        channels.remove(channel);
    }

    /** Stops claiming until {@link #resume()}; sends in flight finish. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        wake();
    }

    public boolean paused() {
        return paused;
    }

    /** See {@link ChannelRegistry#pause}. */
    public boolean pauseChannel(String name) {
        return channels.pause(name);
    }

    /** See {@link ChannelRegistry#drain}. */
    public boolean drainChannel(String name) {
        return channels.drain(name);
    }

    /** Routes to the channel again; what waited for its media is due at once. */
    public boolean resumeChannel(String name) {
        if (!channels.resume(name)) {
            return false;
        }
        channelAdded(channels.media(name));
        return true;
    }

    /**
     * When the longest-waiting due communication became due (see {@link OutboxRepository#oldestDue});
     * read from the store at most every two seconds, however often monitoring asks.
     */
    public java.util.Optional<java.time.Instant> oldestDue() {
        long now = System.currentTimeMillis();
        OldestDue last = oldestDue;
        if (last == null || now - last.readAt() >= 2_000) {
            last = new OldestDue(parts.outbox().oldestDue(parts.clock().instant()), now);
            oldestDue = last;
        }
        return last.at();
    }

    private record OldestDue(java.util.Optional<java.time.Instant> at, long readAt) {
    }

    private volatile OldestDue oldestDue;

    /** Something may be due now. */
    public void wake() {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.wake();
        }
    }

    /**
     * A provider's report on a sent message, recorded after the SENT outcomes this node still holds
     * (a receipt can overtake the write of its own SENT). @return false when no communication of the
     * channel carries the id (yet)
     */
    public boolean feedback(String channel, String providerMessageId, CommunicationStatus status, String reason) {
        Dispatcher d = dispatcher;
        return d != null ? d.feedback(channel, providerMessageId, status, reason)
                : parts.outbox().markByProviderId(channel, providerMessageId, status, reason);
    }

    /** {@link #feedback}, answered once recorded: reports that arrive together share a commit. */
    public java.util.concurrent.CompletionStage<Boolean> feedbackAsync(String channel, String providerMessageId,
            CommunicationStatus status, String reason) {
        Dispatcher d = dispatcher;
        if (d != null) {
            return d.feedbackAsync(channel, providerMessageId, status, reason);
        }
        try {
            return java.util.concurrent.CompletableFuture.completedFuture(
                    parts.outbox().markByProviderId(channel, providerMessageId, status, reason));
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    public Ingest ingest() {
        return ingest;
    }

    /** Notification runs on this engine's ingest, recorded in {@code repository}. */
    public io.tidings.core.run.Runs runs(io.tidings.core.store.RunRepository repository) {
        return new io.tidings.core.run.Runs(repository, ingest, this::wake, parts.clock());
    }

    /** The channels known, as routing sees them (also the engine's {@code ChannelDirectory}). */
    public ChannelRegistry channels() {
        return channels;
    }

    /** The engine's public services: notification, delivery feedback and rule explanation. */
    public EngineService service() {
        return service;
    }

    /** What the send path did since the engine was built, for monitoring. */
    public io.tidings.core.dispatch.SendCounters counters() {
        return counters;
    }

    /** The running send path; null while stopped. */
    public Dispatcher dispatcher() {
        return dispatcher;
    }
}
