package io.tidings.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.DispatchControl;
import io.tidings.api.DispatcherStatus;
import io.tidings.api.FailedQuery;
import io.tidings.api.Erasure;
import io.tidings.api.IngestResult;
import io.tidings.api.ManualMessage;
import io.tidings.api.NotificationService;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelDirectory;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.api.channel.DeliveryFeedback;
import io.tidings.api.contact.ContactAddresses;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.RuleEngine;
import io.tidings.api.rule.RuleExplainer;
import io.tidings.api.rule.RulePlan;
import io.tidings.api.rule.RuleService;
import io.tidings.api.template.TemplateEngine;
import io.tidings.api.template.TemplateService;
import io.tidings.core.dispatch.AttachmentResolver;
import io.tidings.core.dispatch.Backoff;
import io.tidings.core.dispatch.ChannelRegistry;
import io.tidings.core.dispatch.Dispatcher;
import io.tidings.core.spi.MessageDecorator;
import io.tidings.core.spi.RenderDataContributor;
import io.tidings.core.store.CommunicationRecord;
import io.tidings.core.store.ConsentRepository;
import io.tidings.core.store.LocationRepository;
import io.tidings.core.store.OutboxRepository;
import io.tidings.core.support.ExpiringCache;

/**
 * The engine in Karaf: builds {@link TidingsEngine} from the store's repositories and the rule and
 * template services, tracks channels, render-data contributors and message decorators as they come
 * and go (a hot-deployed channel re-binds without restarting the engine), applies changes of
 * {@code io.tidings.dispatch} by restarting the send path only, and publishes the engine's services.
 */
// registered by hand on activation (see runs): declared so that the resolver sees who provides it
@org.osgi.annotation.bundle.Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=io.tidings.api.run.RunService", uses = io.tidings.api.run.RunService.class)
@Component(service = {NotificationService.class, DeliveryFeedback.class, RuleExplainer.class,
        ChannelDirectory.class, DispatcherStatus.class, DispatchControl.class}, configurationPid = EngineComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DispatchConfiguration.class)
public class EngineComponent implements NotificationService, DeliveryFeedback, RuleExplainer, ChannelDirectory,
        DispatcherStatus, DispatchControl {

    public static final String PID = "io.tidings.dispatch";

    @Reference
    private OutboxRepository outbox;
    @Reference
    private CommunicationRecord record;
    @Reference
    private LocationRepository locations;
    @Reference
    private ConsentRepository consent;
    @Reference
    private io.tidings.core.store.SuppressionRepository suppressions;
    @Reference
    private RuleEngine ruleEngine;
    @Reference
    private ContactAddresses addresses;
    @Reference
    private RuleService rules;
    @Reference
    private TemplateService templates;
    @Reference
    private TemplateEngine templateEngine;
    @Reference
    private io.tidings.core.store.RunRepository runRepository;
    @Reference
    private io.tidings.api.access.Units units;

    /** The unit tree, briefly cached: every event of a unit asks for its lineage. */
    private final ExpiringCache<String, io.tidings.api.access.UnitTree> unitTree = new ExpiringCache<>(
            Duration.ofSeconds(2));

    /** The engine's notification runs, a service of their own. */
    private org.osgi.framework.ServiceRegistration<io.tidings.api.run.RunService> runs;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<RenderDataContributor> contributors = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<MessageDecorator> decorators = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<io.tidings.core.events.StatusListener> statusListeners = new CopyOnWriteArrayList<>();

    /** Bound before activation too, so it exists before the engine. */
    private final ChannelRegistry channels = new ChannelRegistry();

    /** Rules by key, briefly cached: every attempt asks for its rule (preferred channel, purpose). */
    private final ExpiringCache<String, Optional<NotificationRule>> rulesByKey = new ExpiringCache<>(
            Duration.ofSeconds(5));

    private volatile TidingsEngine engine;

    /** The MBeans; channels bound before activation get theirs at once, read the engine once it exists. */
    private final io.tidings.core.management.Management management = new io.tidings.core.management.Management(
            () -> engine);

    @Activate
    void activate(org.osgi.framework.BundleContext context, DispatchConfiguration config) {
        TidingsEngine e = new TidingsEngine(new TidingsEngine.Parts(outbox, record, locations, consent, ruleEngine,
                addresses, templateEngine, rules::rules, key -> rulesByKey.get(key, rules::rule),
                (key, version) -> version == null ? templates.template(key) : templates.template(key, version),
                Clock.systemUTC()), channels);
        e.unitLineage(unit -> unitTree.get("tree", key -> units.tree()).lineage(unit));
        e.contributions(() -> contributors, () -> decorators);
        e.suppressions(suppressions);
        e.statusListeners(() -> statusListeners);
        engine = e;
        start(e, config);
        management.registerDispatcher();
        runs = context.registerService(io.tidings.api.run.RunService.class, e.runs(runRepository), null);
    }

    @Modified
    void modified(DispatchConfiguration config) {
        start(engine, config);
    }

    @Deactivate
    void deactivate() {
        if (runs != null) {
            try {
                runs.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
            runs = null;
        }
        management.close();
        TidingsEngine e = engine;
        if (e != null) {
            e.close();
        }
    }

    private static void start(TidingsEngine engine, DispatchConfiguration config) {
        engine.frequencyCaps(frequencyCaps(config.frequencyCaps()));
        Dispatcher.Settings settings = new Dispatcher.Settings(config.batchSize(), config.maxInFlight(),
                config.maxAttempts(), Duration.ofSeconds(config.leaseSeconds()), Duration.ofMillis(config.pollMillis()),
                new Backoff(Duration.ofMillis(config.backoffBaseMillis()), Duration.ofMillis(config.backoffMaxMillis()),
                        0.2), Duration.ofMinutes(config.retryBudgetMinutes()));
        engine.start(settings, Duration.ofDays(config.retentionDays()),
                new AttachmentResolver(config.attachmentMaxMegabytes() * 1024L * 1024L,
                        Duration.ofSeconds(config.attachmentTimeoutSeconds()),
                        config.attachmentAllowedHosts() == null ? List.of() : List.of(config.attachmentAllowedHosts())));
    }

    /**
     * {@code MARKETING=3/P1D} entries (a single comma-separated value too, as a .cfg file may write it).
     *
     * @throws io.tidings.api.ValidationException naming {@code frequencyCaps} and the entry at fault
     */
    static Map<io.tidings.api.Purpose, io.tidings.api.rule.FrequencyCap> frequencyCaps(String[] entries) {
        Map<io.tidings.api.Purpose, io.tidings.api.rule.FrequencyCap> caps = new java.util.EnumMap<>(
                io.tidings.api.Purpose.class);
        for (String value : entries == null ? new String[0] : entries) {
            for (String entry : value.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                int equals = entry.indexOf('=');
                io.tidings.api.Purpose purpose;
                try {
                    purpose = equals < 0 ? null : io.tidings.api.Purpose.valueOf(entry.substring(0, equals).trim());
                } catch (IllegalArgumentException e) {
                    purpose = null;
                }
                if (purpose == null || purpose == io.tidings.api.Purpose.TRANSACTIONAL) {
                    throw new io.tidings.api.ValidationException("frequencyCaps", "'" + entry.trim() + "' must be "
                            + "PURPOSE=max/period with a purpose other than TRANSACTIONAL, such as MARKETING=3/P1D");
                }
                caps.put(purpose, io.tidings.api.rule.FrequencyCap.parse(entry.substring(equals + 1), "frequencyCaps"));
            }
        }
        return caps;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedChannel")
    void bindChannel(Channel channel, Map<String, Object> properties) {
        List<io.tidings.api.Medium> media = channels.add(channel, properties);
        channels.route(channel).ifPresent(route -> management.registerChannel(channel, route));
        TidingsEngine e = engine;
        if (e != null) {
            e.channelAdded(media);
        }
    }

    void unbindChannel(Channel channel) {
        management.unregisterChannel(channel);
        channels.remove(channel);
    }

    /** A channel's routing keys changed (a new priority or name in its configuration). */
    void updatedChannel(Channel channel, Map<String, Object> properties) {
        management.unregisterChannel(channel);
        channels.remove(channel);
        bindChannel(channel, properties);
    }

    // ---- the engine's services

    @Override
    public IngestResult submit(BusinessEvent event) {
        return engine.service().submit(event);
    }

    @Override
    public List<IngestResult> submitAll(List<BusinessEvent> events) {
        return engine.service().submitAll(events);
    }

    @Override
    public IngestResult send(ManualMessage message) {
        return engine.service().send(message);
    }

    @Override
    public Erasure erase(String address) {
        return engine.service().erase(address);
    }

    @Override
    public List<RulePlan> explain(BusinessEvent event) {
        return engine.service().explain(event);
    }

    @Override
    public Optional<Communication> communication(String id) {
        return engine.service().communication(id);
    }

    @Override
    public Optional<io.tidings.api.BusinessEvent> event(String id) {
        return engine.service().event(id);
    }

    @Override
    public List<String> digestEvents(String communicationId) {
        return engine.service().digestEvents(communicationId);
    }

    @Override
    public List<Communication> communications(CommunicationQuery query) {
        return engine.service().communications(query);
    }

    @Override
    public Map<CommunicationStatus, Long> countByStatus() {
        return engine.service().countByStatus();
    }

    @Override
    public Map<String, Long> sentByRule(java.time.Instant since) {
        return engine.service().sentByRule(since);
    }

    @Override
    public List<io.tidings.api.channel.ChannelOutcomes> outcomesByChannel(java.time.Instant since) {
        return engine.service().outcomesByChannel(since);
    }

    @Override
    public boolean cancel(String id, String reason) {
        return engine.service().cancel(id, reason);
    }

    @Override
    public boolean retry(String id) {
        return engine.service().retry(id);
    }

    @Override
    public Optional<String> resend(String id) {
        return engine.service().resend(id);
    }

    @Override
    public int retryFailed(FailedQuery query) {
        return engine.service().retryFailed(query);
    }

    @Override
    public boolean delivered(String channelName, String providerMessageId) {
        return engine.service().delivered(channelName, providerMessageId);
    }

    @Override
    public boolean failed(String channelName, String providerMessageId, String reason) {
        return engine.service().failed(channelName, providerMessageId, reason);
    }

    @Override
    public java.util.concurrent.CompletionStage<Boolean> deliveredAsync(String channelName, String providerMessageId) {
        return engine.service().deliveredAsync(channelName, providerMessageId);
    }

    @Override
    public java.util.concurrent.CompletionStage<Boolean> failedAsync(String channelName, String providerMessageId,
            String reason) {
        return engine.service().failedAsync(channelName, providerMessageId, reason);
    }

    @Override
    public boolean bounced(String channelName, String providerMessageId, String communicationId, String diagnostic) {
        return engine.service().bounced(channelName, providerMessageId, communicationId, diagnostic);
    }

    @Override
    public void complained(String channelName) {
        engine.service().complained(channelName);
    }

    @Override
    public List<ChannelSummary> channels() {
        return channels.channels();
    }

    @Override
    public io.tidings.api.ContentKind kind(io.tidings.api.Medium medium) {
        return channels.kind(medium);
    }

    @Override
    public java.util.OptionalInt maxLength(io.tidings.api.Medium medium) {
        return channels.maxLength(medium);
    }

    @Override
    public boolean running() {
        TidingsEngine e = engine;
        return e != null && e.dispatcher() != null;
    }

    @Override
    public Optional<java.time.Instant> oldestDue() {
        TidingsEngine e = engine;
        return e == null ? Optional.empty() : e.oldestDue();
    }

    @Override
    public List<Timing> timings() {
        TidingsEngine e = engine;
        return e == null ? List.of() : e.counters().timings().snapshot();
    }

    @Override
    public long eventsIngested() {
        TidingsEngine e = engine;
        return e == null ? 0 : e.counters().eventsIngested();
    }

    @Override
    public long renderFailures() {
        TidingsEngine e = engine;
        return e == null ? 0 : e.counters().renderFailures();
    }

    @Override
    public List<SendCount> sendCounts() {
        TidingsEngine e = engine;
        return e == null ? List.of() : e.counters().snapshot();
    }

    // ---- an operator's brakes

    @Override
    public void pause() {
        engine.pause();
    }

    @Override
    public void resume() {
        engine.resume();
    }

    @Override
    public boolean paused() {
        return engine.paused();
    }

    @Override
    public boolean pauseChannel(String name) {
        return engine.pauseChannel(name);
    }

    @Override
    public boolean resumeChannel(String name) {
        return engine.resumeChannel(name);
    }

    @Override
    public java.util.Set<String> pausedChannels() {
        return channels.paused();
    }

    @Override
    public boolean drainChannel(String name) {
        return engine.drainChannel(name);
    }

    @Override
    public java.util.Set<String> drainingChannels() {
        return channels.draining();
    }

    @Override
    public int inFlight(String channel) {
        return channels.inFlight(channel);
    }
}
