package io.tidings.channel.httpsms;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import javax.servlet.Servlet;

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
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.Designate;

import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.DeliveryFeedback;

/**
 * One {@link HttpSmsChannel} per factory configuration {@code io.tidings.channel.httpsms~<alias>},
 * and its delivery-report servlet at {@code /tidings/api/v1/callbacks/httpsms/<channel name>}. Both
 * are registered through the bundle context so that the tokens never become service properties.
 */
@Component(configurationPid = HttpSmsChannelComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = HttpSmsChannelConfig.class, factory = true)
public class HttpSmsChannelComponent {

    static final String PID = "io.tidings.channel.httpsms";
    static final String CALLBACK_PATH = "/tidings/api/v1/callbacks/httpsms/";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeliveryFeedback feedback;

    // optional: incoming messages are answered 503 while the engine is away, so the gateway tries again
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile io.tidings.api.inbound.InboundMessages inbound;

    private HttpSmsChannel channel;
    private ServiceRegistration<Channel> registration;
    private ServiceRegistration<Servlet> callback;

    @Activate
    void activate(BundleContext context, HttpSmsChannelConfig config, Map<String, Object> properties) {
        String name = channelName(config.name(), properties.get(Constants.SERVICE_PID));
        channel = new HttpSmsChannel(name, settings(config));
        registration = context.registerService(Channel.class, channel, serviceProperties(name, config.channel_priority()));
        callback = context.registerService(Servlet.class,
                new DeliveryReportServlet(channel::name, () -> channel.settings().callbackToken(), () -> feedback,
                        () -> inbound),
                servletProperties(name));
    }

    @Modified
    void modified(BundleContext context, HttpSmsChannelConfig config, Map<String, Object> properties) {
        HttpSmsSettings settings = settings(config);
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
        callback.setProperties(servletProperties(name));
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : new ServiceRegistration<?>[] {callback, registration}) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        channel.close();
    }

    static HttpSmsSettings settings(HttpSmsChannelConfig c) {
        return new HttpSmsSettings(HttpSmsSettings.parseUrl(c.url()), c.token(), c.sender(),
                Duration.ofMillis(c.connectTimeoutMillis()), Duration.ofMillis(c.requestTimeoutMillis()), c.callbackToken());
    }

    static String channelName(String configured, Object servicePid) {
        return io.tidings.api.channel.ChannelNames.of(configured, servicePid, PID, "httpsms");
    }

    static Dictionary<String, Object> serviceProperties(String name, int priority) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Channel.MEDIUM, new String[] { Medium.SMS.name() });
        properties.put(Channel.PRIORITY, priority);
        properties.put(Channel.NAME, name);
        properties.put(Constants.SERVICE_DESCRIPTION, "Tidings HTTP SMS channel " + name);
        return properties;
    }

    static Dictionary<String, Object> servletProperties(String name) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN,
                new String[] { CALLBACK_PATH + name, CALLBACK_PATH + name + "/*" });
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "tidings-httpsms-callback-" + name);
        return properties;
    }
}
