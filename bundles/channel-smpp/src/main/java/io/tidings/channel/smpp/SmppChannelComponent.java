package io.tidings.channel.smpp;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
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

import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.DeliveryFeedback;
import io.tidings.api.consent.OptOutService;

/**
 * One {@link SmppChannel} per factory configuration {@code io.tidings.channel.smpp~<alias>}.
 *
 * <p>The component registers the channel service itself instead of through {@code service=}:
 * Declarative Services would publish every configuration key as a service property, and one of
 * them is {@code password}. Only the routing keys are published.
 */
@Component(configurationPid = SmppChannelComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SmppChannelConfig.class, factory = true)
public class SmppChannelComponent {

    static final String PID = "io.tidings.channel.smpp";

    // optional: receipts wait (and are retried) while the engine is away
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeliveryFeedback feedback;

    // optional: stop replies are recorded through it when the engine is there
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OptOutService consent;

    // optional: replies are published to the host's webhooks when they are there
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile io.tidings.api.webhook.Webhooks webhooks;

    // optional: replies are handed to the engine, which records them and applies its keywords
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile io.tidings.api.inbound.InboundMessages inbound;

    private SmppChannel channel;
    private StopReplies stopReplies;
    private ServiceRegistration<Channel> registration;

    @Activate
    void activate(BundleContext context, SmppChannelConfig config, Map<String, Object> properties) {
        String name = channelName(config.name(), properties.get(Constants.SERVICE_PID));
        channel = new SmppChannel(name, settings(config), () -> feedback);
        stopReplies = new StopReplies(() -> inbound, () -> consent, () -> webhooks, channel.background());
        stopReplies.keywords(config.stopKeywords());
        channel.stopReplies(stopReplies);
        registration = context.registerService(Channel.class, channel, serviceProperties(name, config.channel_priority()));
    }

    @Modified
    void modified(BundleContext context, SmppChannelConfig config, Map<String, Object> properties) {
        SmppSettings settings = settings(config);
        String name = channelName(config.name(), properties.get(Constants.SERVICE_PID));
        channel.rename(name);
        channel.reconfigure(settings);
        stopReplies.keywords(config.stopKeywords());
        Dictionary<String, Object> routing = serviceProperties(name, config.channel_priority());
        if (routing.get(Channel.NAME).equals(registration.getReference().getProperty(Channel.NAME))
                && routing.get(Channel.PRIORITY).equals(registration.getReference().getProperty(Channel.PRIORITY))) {
            registration.setProperties(routing);
        } else {
            // the engine reads routing keys when a channel arrives: a new name or priority is a new arrival
            ServiceRegistration<Channel> previous = registration;
            registration = context.registerService(Channel.class, channel, routing);
            previous.unregister();
        }
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
        channel.close();
    }

    /** Exposed for tests: the channel this component registered. */
    SmppChannel channel() {
        return channel;
    }

    static SmppSettings settings(SmppChannelConfig c) {
        return new SmppSettings(c.host(), c.port(), c.systemId(), c.password(), c.systemType(), c.sourceAddress(),
                c.sourceTon(), c.sourceNpi(), c.maxTps(), c.window(), SmppSettings.BindMode.parse(c.bindType()),
                Duration.ofSeconds(c.enquireLinkSeconds()), Duration.ofMillis(c.reconnectInitialMillis()),
                Duration.ofMillis(c.reconnectMaxMillis()), c.defaultRegion(), SmppSettings.concatenation(c.concatenation()),
                Duration.ofMillis(c.responseTimeoutMillis()), c.maxParts());
    }

    /**
     * The configured name, else {@code smpp-<alias>} for a named factory configuration
     * ({@code io.tidings.channel.smpp~main} → {@code smpp-main}), else {@code smpp-<generated suffix>}.
     */
    static String channelName(String configured, Object servicePid) {
        return io.tidings.api.channel.ChannelNames.of(configured, servicePid, PID, "smpp");
    }

    static Dictionary<String, Object> serviceProperties(String name, int priority) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Channel.MEDIUM, new String[] { Medium.SMS.name() });
        properties.put(Channel.PRIORITY, priority);
        properties.put(Channel.NAME, name);
        properties.put(Constants.SERVICE_DESCRIPTION, "Tidings SMPP channel " + name);
        return properties;
    }
}
