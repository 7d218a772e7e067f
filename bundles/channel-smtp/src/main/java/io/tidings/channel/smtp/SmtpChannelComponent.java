package io.tidings.channel.smtp;

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
import io.tidings.api.suppression.SuppressionList;

/**
 * One {@link SmtpChannel} per factory configuration {@code io.tidings.channel.smtp~<alias>}.
 *
 * <p>The component registers the channel service itself instead of through {@code service=}:
 * Declarative Services would publish every configuration key as a service property, and the
 * public key is {@code password}. Only the routing keys are published.
 */
@Component(configurationPid = SmtpChannelComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SmtpChannelConfig.class, factory = true)
public class SmtpChannelComponent {

    static final String PID = "io.tidings.channel.smtp";

    private SmtpChannel channel;
    private ServiceRegistration<Channel> registration;
    private BounceMailbox bounces;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeliveryFeedback feedback;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SuppressionList suppressions;

    @Activate
    void activate(BundleContext context, SmtpChannelConfig config, Map<String, Object> properties) {
        String name = channelName(config.name(), properties.get(Constants.SERVICE_PID));
        SmtpSettings settings = settings(config);
        BounceSettings bounceSettings = bounceSettings(config);
        channel = new SmtpChannel(name, settings);
        registration = context.registerService(Channel.class, channel, serviceProperties(name, config.channel_priority()));
        bounces = bounces(name, config, bounceSettings);
    }

    @Modified
    void modified(SmtpChannelConfig config, Map<String, Object> properties) {
        SmtpSettings settings = settings(config);
        BounceSettings bounceSettings = bounceSettings(config);
        String name = channelName(config.name(), properties.get(Constants.SERVICE_PID));
        channel.rename(name);
        channel.reconfigure(settings);
        registration.setProperties(serviceProperties(name, config.channel_priority()));
        if (bounces != null) {
            bounces.close();
        }
        bounces = bounces(name, config, bounceSettings);
    }

    /** @throws IllegalArgumentException naming the key at fault */
    static BounceSettings bounceSettings(SmtpChannelConfig config) {
        return BounceSettings.of(config.bounceHost(), config.bouncePort(), config.bounceTls(), config.bounceUser(),
                config.bouncePassword(), config.bounceFolder(), config.bouncePollSeconds(), config.complaintScope());
    }

    /** The bounce mailbox of the configuration, polling; null when none is configured. */
    private BounceMailbox bounces(String name, SmtpChannelConfig config, BounceSettings settings) {
        return settings == null ? null : new BounceMailbox(name, settings,
                config.verp() ? config.returnPath() : null, () -> feedback, () -> suppressions);
    }

    @Deactivate
    void deactivate() {
        if (bounces != null) {
            bounces.close();
        }
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
        channel.close();
    }

    /** Exposed for tests: the channel this component registered. */
    SmtpChannel channel() {
        return channel;
    }

    static SmtpSettings settings(SmtpChannelConfig config) {
        return new SmtpSettings(config.host(), config.port(), config.username(), config.password(), config.startTls(),
                config.from(), Duration.ofMillis(config.connectionTimeout()), Duration.ofMillis(config.timeout()),
                Duration.ofMillis(config.writeTimeout()), config.poolSize(), Duration.ofMillis(config.probeMaxDelay()))
                .withDkim(DkimSettings.of(config.dkimDomain(), config.dkimSelector(), config.dkimKeyFile(),
                        config.dkimHeaders()))
                .withReturnPath(config.returnPath(), config.verp())
                .withMessageIdDomain(config.messageIdDomain());
    }

    /**
     * The configured name, else {@code smtp-<alias>} for a named factory configuration
     * ({@code io.tidings.channel.smtp~main} → {@code smtp-main}), else {@code smtp-<generated suffix>}.
     */
    static String channelName(String configured, Object servicePid) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        String pid = servicePid == null ? "" : servicePid.toString();
        int tilde = pid.lastIndexOf('~');
        if (tilde >= 0 && tilde < pid.length() - 1) {
            return "smtp-" + pid.substring(tilde + 1);
        }
        if (pid.startsWith(PID + ".") && pid.length() > PID.length() + 1) {
            return "smtp-" + pid.substring(PID.length() + 1);
        }
        return pid.isEmpty() ? "smtp" : "smtp-" + pid;
    }

    static Dictionary<String, Object> serviceProperties(String name, int priority) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Channel.MEDIUM, new String[] { Medium.EMAIL.name() });
        properties.put(Channel.PRIORITY, priority);
        properties.put(Channel.NAME, name);
        properties.put(Constants.SERVICE_DESCRIPTION, "Tidings SMTP channel " + name);
        return properties;
    }
}
