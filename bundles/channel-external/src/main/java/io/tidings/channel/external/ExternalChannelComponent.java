package io.tidings.channel.external;

import java.time.Clock;
import java.util.Hashtable;
import java.util.Map;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.tidings.api.channel.Channel;
import io.tidings.api.queue.ExternalOutbox;

/** One external channel per factory configuration {@code io.tidings.channel.external}. */
@Component(configurationPid = ExternalChannelComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ExternalChannelConfiguration.class, factory = true)
public class ExternalChannelComponent {

    public static final String PID = "io.tidings.channel.external";
    /** What a channel name may be, as the engine accepts it: it is recorded on communications and is part of URLs. */
    static final Pattern NAME = Pattern.compile(io.tidings.api.channel.Channel.NAME_PATTERN);

    @Reference
    private ExternalOutbox store;

    @Reference
    private ExternalQueueService queue;

    private ExternalChannel channel;
    private ServiceRegistration<Channel> registration;

    @Activate
    void activate(BundleContext context, ExternalChannelConfiguration config, Map<String, Object> properties) {
        String name = config.name() == null || config.name().isBlank() ? defaultName(properties.get(Constants.SERVICE_PID))
                : config.name().strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(PID + ": name must be letters, digits, '.', '_' or '-', not '" + name + "'");
        }
        String unit = config.unit() == null || config.unit().isBlank() ? null : config.unit().strip();
        if (unit != null) {
            io.tidings.api.access.Unit.checkKey(unit, PID + ": unit");
        }
        channel = new ExternalChannel(name, unit, store, Clock.systemUTC());
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Channel.NAME, name);
        props.put(Channel.MEDIUM, config.channel_medium());
        props.put(Channel.PRIORITY, config.channel_priority());
        queue.add(channel);
        registration = context.registerService(Channel.class, channel, props);
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // gone with the bundle
        }
        queue.remove(channel);
    }

    /** {@code io.tidings.channel.external~crm} → {@code external-crm}. */
    private static String defaultName(Object pid) {
        String text = String.valueOf(pid);
        int cut = Math.max(text.lastIndexOf('~'), text.lastIndexOf('.'));
        return "external-" + (cut >= 0 ? text.substring(cut + 1) : text);
    }
}
