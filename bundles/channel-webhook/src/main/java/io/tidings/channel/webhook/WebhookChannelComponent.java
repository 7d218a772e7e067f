package io.tidings.channel.webhook;

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
import org.osgi.service.metatype.annotations.Designate;

import io.tidings.api.ContentKind;
import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;

/**
 * One {@link WebhookChannel} per factory configuration {@code io.tidings.channel.webhook~<alias>},
 * registered through the bundle context so that the secret never becomes a service property.
 */
@Component(configurationPid = WebhookChannelComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WebhookChannelConfig.class, factory = true)
public class WebhookChannelComponent {

    static final String PID = "io.tidings.channel.webhook";

    private WebhookChannel channel;
    private ServiceRegistration<Channel> registration;

    @Activate
    void activate(BundleContext context, WebhookChannelConfig config, Map<String, Object> properties) {
        String name = channelName(config.name(), properties.get(Constants.SERVICE_PID));
        channel = new WebhookChannel(name, settings(config));
        registration = context.registerService(Channel.class, channel, serviceProperties(name, config.channel_priority()));
    }

    @Modified
    void modified(BundleContext context, WebhookChannelConfig config, Map<String, Object> properties) {
        WebhookSettings settings = settings(config);
        String name = channelName(config.name(), properties.get(Constants.SERVICE_PID));
        channel.rename(name);
        channel.reconfigure(settings);
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
    }

    /** @throws IllegalArgumentException naming the attribute at fault: the configuration is refused */
    static WebhookSettings settings(WebhookChannelConfig c) {
        return new WebhookSettings(WebhookSettings.parseUrl(c.url()), c.secret(),
                Duration.ofMillis(c.connectTimeoutMillis()), Duration.ofMillis(c.requestTimeoutMillis()),
                c.allowInternalAddresses());
    }

    static String channelName(String configured, Object servicePid) {
        return io.tidings.api.channel.ChannelNames.of(configured, servicePid, PID, "webhook");
    }

    static Dictionary<String, Object> serviceProperties(String name, int priority) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Channel.MEDIUM, new String[] { Medium.WEBHOOK.name() });
        properties.put(Channel.CONTENT, ContentKind.STRUCTURED.name());
        properties.put(Channel.PRIORITY, priority);
        properties.put(Channel.NAME, name);
        properties.put(Constants.SERVICE_DESCRIPTION, "Tidings webhook channel " + name);
        return properties;
    }
}
