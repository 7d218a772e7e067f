package io.tidings.core.management;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.channel.Channel;
import io.tidings.core.dispatch.ChannelRegistry;
import io.tidings.core.engine.TidingsEngine;

/**
 * Registers the engine's MBeans in the platform MBean server, where Karaf's {@code management}
 * feature, Hawtio, Jolokia and Decanter's JMX collector find them: {@code io.tidings:type=Dispatcher}
 * while the engine is active, {@code io.tidings:type=Channel,name=<name>} while the channel is bound.
 */
public final class Management implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Management.class);
    public static final String DOMAIN = "io.tidings";

    private final MBeanServer server;
    private final Supplier<TidingsEngine> engine;
    private final Map<Channel, ObjectName> channels = new ConcurrentHashMap<>();
    private volatile ObjectName dispatcher;

    public Management(Supplier<TidingsEngine> engine) {
        this(ManagementFactory.getPlatformMBeanServer(), engine);
    }

    Management(MBeanServer server, Supplier<TidingsEngine> engine) {
        this.server = server;
        this.engine = engine;
    }

    public void registerDispatcher() {
        ObjectName name = name("type=Dispatcher");
        if (register(new StandardMBean(new DispatcherBean(engine), DispatcherMBean.class, false), name)) {
            dispatcher = name;
        }
    }

    public void registerChannel(Channel channel, ChannelRegistry.Route route) {
        ObjectName name = name("type=Channel,name=" + value(route.name()));
        if (register(new StandardMBean(new ChannelBean(engine, route), ChannelMBean.class, false), name)) {
            channels.put(channel, name);
        }
    }

    public void unregisterChannel(Channel channel) {
        ObjectName name = channels.remove(channel);
        if (name != null) {
            unregister(name);
        }
    }

    @Override
    public void close() {
        channels.keySet().forEach(this::unregisterChannel);
        ObjectName name = dispatcher;
        dispatcher = null;
        if (name != null) {
            unregister(name);
        }
    }

    private boolean register(StandardMBean bean, ObjectName name) {
        try {
            server.registerMBean(bean, name);
            return true;
        } catch (JMException | RuntimeException e) {
            // two channels of one name: the first keeps the MBean
            LOG.warn("Could not register the MBean {}: {}", name, e.toString());
            return false;
        }
    }

    private void unregister(ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (JMException | RuntimeException e) {
            LOG.debug("Could not unregister the MBean {}: {}", name, e.toString());
        }
    }

    /** A channel name is a plain key value ({@link Channel#NAME_PATTERN}); anything else is quoted. */
    static String value(String name) {
        return name.matches("[A-Za-z0-9._-]+") ? name : ObjectName.quote(name);
    }

    private static ObjectName name(String properties) {
        try {
            return new ObjectName(DOMAIN + ":" + properties);
        } catch (JMException e) {
            throw new IllegalArgumentException(properties, e);
        }
    }
}
