package io.tidings.channel.devbox;

import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.MessageArchive;

/**
 * The embedded default channel. The archive is always a service (what it kept stays readable);
 * the channel is registered only while {@code enabled}: with it off, a medium that no other
 * channel serves waits in the engine's queue instead of landing here. Registering the channel
 * by hand lets one configuration switch it without a second component.
 */
@Component(configurationPid = DevboxComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = MessageArchive.class, immediate = true, property = Channel.NAME + "=" + DevboxComponent.NAME)
@Designate(ocd = DevboxConfig.class)
public class DevboxComponent implements MessageArchive {

    static final String PID = "io.tidings.channel.devbox";
    static final String NAME = "devbox";
    /** Below every real channel: the engine uses the devbox only for a medium nothing else serves. */
    static final int PRIORITY = Channel.FALLBACK_PRIORITY;

    private final Clock clock;
    private BundleContext context;
    private DevboxArchive archive;
    private ServiceRegistration<Channel> registration; // guarded by this

    public DevboxComponent() {
        this(Clock.systemUTC());
    }

    DevboxComponent(Clock clock) {
        this.clock = clock;
    }

    @Activate
    void activate(BundleContext context, DevboxConfig config) {
        this.context = context;
        this.archive = new DevboxArchive(NAME, clock, config.capacity());
        apply(config.enabled());
    }

    @Modified
    void modified(DevboxConfig config) {
        archive.capacity(config.capacity());
        apply(config.enabled());
    }

    @Deactivate
    synchronized void deactivate() {
        unregister();
    }

    @Override
    public List<Entry> messages(int limit) {
        return archive.messages(limit);
    }

    @Override
    public void clear() {
        archive.clear();
    }

    /** Whether the channel service is registered now. */
    synchronized boolean channelRegistered() {
        return registration != null;
    }

    private synchronized void apply(boolean enabled) {
        if (enabled && registration == null) {
            registration = context.registerService(Channel.class, new DevboxChannel(archive), serviceProperties());
        } else if (!enabled) {
            unregister();
        }
    }

    private void unregister() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
            registration = null;
        }
    }

    static Dictionary<String, Object> serviceProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Channel.MEDIUM, new String[] { Medium.EMAIL.name(), Medium.SMS.name() });
        properties.put(Channel.PRIORITY, PRIORITY);
        properties.put(Channel.NAME, NAME);
        properties.put(Constants.SERVICE_DESCRIPTION, "Tidings devbox: keeps what no other channel serves");
        return properties;
    }
}
