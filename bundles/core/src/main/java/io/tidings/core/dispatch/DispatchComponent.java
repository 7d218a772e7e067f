package io.tidings.core.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

import io.tidings.api.CommunicationStatus;
import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelDirectory;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.api.rule.RuleService;
import io.tidings.api.template.TemplateEngine;
import io.tidings.api.template.TemplateService;
import io.tidings.core.spi.MessageDecorator;
import io.tidings.core.spi.RenderDataContributor;
import io.tidings.core.plan.ManualMessages;
import io.tidings.core.store.CommunicationRecord;
import io.tidings.core.store.OutboxRepository;
import io.tidings.core.support.ExpiringCache;

/**
 * Runs the {@link Dispatcher} in Karaf: tracks channel services as they come and go (a
 * hot-deployed channel re-binds without restarting the engine) and applies configuration changes.
 */
@Component(service = {DispatchComponent.class, ChannelDirectory.class}, configurationPid = DispatchComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DispatchConfiguration.class)
public class DispatchComponent implements ChannelDirectory {

    public static final String PID = "io.tidings.dispatch";

    private final ChannelRegistry channels = new ChannelRegistry();

    @Reference
    private OutboxRepository store;

    @Reference
    private CommunicationRecord record;

    @Reference
    private TemplateService templates;

    @Reference
    private TemplateEngine templateEngine;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<RenderDataContributor> contributors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<MessageDecorator> decorators = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Reference
    private RuleService rules;

    /** Rules by key, briefly cached: every attempt asks for its rule (preferred channel, purpose). */
    private final ExpiringCache<String, java.util.Optional<io.tidings.api.rule.NotificationRule>> rulesByKey =
            new ExpiringCache<>(Duration.ofSeconds(5));

    private volatile Dispatcher dispatcher;

    @Activate
    void activate(DispatchConfiguration config) {
        start(config);
    }

    @Modified
    void modified(DispatchConfiguration config) {
        stop();
        start(config);
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedChannel")
    void bindChannel(Channel channel, Map<String, Object> properties) {
        List<Medium> media = channels.add(channel, properties);
        Dispatcher d = dispatcher;
        if (d != null) {
            d.channelAdded(media);
        }
    }

    void unbindChannel(Channel channel) {
        channels.remove(channel);
    }

    /** A channel's routing keys changed (a new priority or name in its configuration). */
    void updatedChannel(Channel channel, Map<String, Object> properties) {
        channels.remove(channel);
        bindChannel(channel, properties);
    }

    /** Something may be due now. */
    public void wake() {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.wake();
        }
    }

    /**
     * A provider's report on a sent message (a receipt, a gateway callback), recorded after the
     * SENT outcomes this node still holds: a receipt can overtake the write of its own SENT.
     *
     * @return false when no communication of the channel carries the id (yet)
     */
    public boolean feedback(String channel, String providerMessageId, CommunicationStatus status, String reason) {
        Dispatcher d = dispatcher;
        return d != null ? d.feedback(channel, providerMessageId, status, reason)
                : store.markByProviderId(channel, providerMessageId, status, reason);
    }

    @Override
    public List<ChannelSummary> channels() {
        return channels.channels();
    }

    /** The routes currently known, for diagnostics. */
    public List<ChannelRegistry.Route> routes() {
        return channels.all();
    }

    private synchronized void start(DispatchConfiguration config) {
        Dispatcher.Settings settings = new Dispatcher.Settings(config.batchSize(), config.maxInFlight(),
                config.maxAttempts(), Duration.ofSeconds(config.leaseSeconds()), Duration.ofMillis(config.pollMillis()),
                new Backoff(Duration.ofMillis(config.backoffBaseMillis()), Duration.ofMillis(config.backoffMaxMillis()),
                        0.2));
        // the built-in templates of agents' messages are no one's to edit: never in the store
        Dispatcher d = new Dispatcher(store, record, (key, version) -> ManualMessages.template(key)
                .or(() -> version == null ? templates.template(key) : templates.template(key, version)),
                templateEngine, channels, Clock.systemUTC(), settings);
        d.contributors(() -> contributors);
        d.decorators(() -> decorators);
        d.attachments(new AttachmentResolver(config.attachmentMaxMegabytes() * 1024L * 1024L,
                Duration.ofSeconds(config.attachmentTimeoutSeconds())));
        d.rules(key -> rulesByKey.get(key, rules::rule));
        d.retention(Duration.ofDays(config.retentionDays()));
        dispatcher = d;
        d.start();
        // channels bound before activation: what waited for them is due now
        for (Medium medium : Medium.values()) {
            if (!channels.candidates(medium).isEmpty()) {
                d.channelAdded(List.of(medium));
            }
        }
    }

    private synchronized void stop() {
        Dispatcher d = dispatcher;
        dispatcher = null;
        if (d != null) {
            d.close();
        }
    }
}
