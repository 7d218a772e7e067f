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
    private ServiceRegistration<javax.servlet.Servlet> webhook;
    private ServiceRegistration<javax.servlet.Servlet> sesWebhook;
    private BundleContext context;

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
        checkWebhookKey(config);
        this.context = context;
        channel = new SmtpChannel(name, settings);
        registration = context.registerService(Channel.class, channel, serviceProperties(name, config.channel_priority()));
        bounces = bounces(name, config, bounceSettings);
        webhook = webhook(context, name, config);
        sesWebhook = sesWebhook(context, name, config);
    }

    @Modified
    void modified(SmtpChannelConfig config, Map<String, Object> properties) {
        SmtpSettings settings = settings(config);
        BounceSettings bounceSettings = bounceSettings(config);
        checkWebhookKey(config);
        String name = channelName(config.name(), properties.get(Constants.SERVICE_PID));
        channel.rename(name);
        channel.reconfigure(settings);
        registration.setProperties(serviceProperties(name, config.channel_priority()));
        if (bounces != null) {
            bounces.close();
        }
        bounces = bounces(name, config, bounceSettings);
        unregister(webhook);
        webhook = webhook(context, name, config);
        unregister(sesWebhook);
        sesWebhook = sesWebhook(context, name, config);
    }

    /** SendGrid's signed event webhook of the channel, when its key is configured; else null. */
    private ServiceRegistration<javax.servlet.Servlet> webhook(BundleContext context, String name,
            SmtpChannelConfig config) {
        if (config.sendgridWebhookKey() == null || config.sendgridWebhookKey().isBlank()) {
            return null;
        }
        SendGridWebhook servlet = new SendGridWebhook(SendGridWebhook.key(config.sendgridWebhookKey()),
                applier(name, config), () -> feedback, () -> suppressions, java.time.Clock.systemUTC());
        return callback(context, "sendgrid", name, servlet);
    }

    /** Amazon SES's notifications over SNS, when switched on; else null. */
    private ServiceRegistration<javax.servlet.Servlet> sesWebhook(BundleContext context, String name,
            SmtpChannelConfig config) {
        if (!config.sesWebhook()) {
            return null;
        }
        java.net.http.HttpClient client = SnsVerifier.client();
        String topic = config.sesTopicArn() == null || config.sesTopicArn().isBlank() ? null : config.sesTopicArn().strip();
        SesWebhook servlet = new SesWebhook(new SesWebhook.Settings(name, topic, config.sesAutoConfirm()),
                new SnsVerifier(config.sesTestCertificatePrefix(), client), client, applier(name, config),
                () -> feedback, () -> suppressions);
        return callback(context, "ses", name, servlet);
    }

    private static BounceApplier applier(String name, SmtpChannelConfig config) {
        return new BounceApplier(name, io.tidings.api.suppression.SuppressionScope.parse(config.complaintScope(),
                "complaintScope", io.tidings.api.suppression.SuppressionScope.MARKETING));
    }

    /** A provider's callback servlet at {@code /tidings/api/v1/callbacks/<provider>/<channel name>}. */
    private static ServiceRegistration<javax.servlet.Servlet> callback(BundleContext context, String provider,
            String name, javax.servlet.Servlet servlet) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", "/tidings/api/v1/callbacks/" + provider + "/" + name);
        props.put("osgi.http.whiteboard.servlet.name", "tidings-" + provider + "-" + name);
        return context.registerService(javax.servlet.Servlet.class, servlet, props);
    }

    /** Before anything is registered: a bad key fails the configuration as a whole. */
    private static void checkWebhookKey(SmtpChannelConfig config) {
        if (config.sendgridWebhookKey() != null && !config.sendgridWebhookKey().isBlank()) {
            SendGridWebhook.key(config.sendgridWebhookKey());
        }
        SnsVerifier.checkTestPrefix(config.sesTestCertificatePrefix());
    }

    private static void unregister(ServiceRegistration<?> registration) {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
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
        unregister(webhook);
        unregister(sesWebhook);
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
                .withMessageIdDomain(config.messageIdDomain())
                .withReplyTo(config.replyTo());
    }

    /**
     * The configured name, else {@code smtp-<alias>} for a named factory configuration
     * ({@code io.tidings.channel.smtp~main} → {@code smtp-main}), else {@code smtp-<generated suffix>}.
     */
    static String channelName(String configured, Object servicePid) {
        return io.tidings.api.channel.ChannelNames.of(configured, servicePid, PID, "smtp");
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
