package io.tidings.core.management;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelCapabilities;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;
import io.tidings.core.dispatch.ChannelRegistry;

/** The MBeans come and go with the engine and its channels, under the names monitoring knows. */
public class ManagementTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final Management management = new Management(server, () -> null);

    /** Answers every message as sent, naming the recipient in its provider id. */
    private static final class Answering implements Channel {
        @Override
        public CompletionStage<SendResult> send(OutboundMessage message) {
            return CompletableFuture.completedFuture(SendResult.sent("p-" + message.recipient()));
        }

        @Override
        public ChannelCapabilities capabilities() {
            return ChannelCapabilities.TEXT;
        }

        @Override
        public ChannelState state() {
            return ChannelState.AVAILABLE;
        }
    }

    @Test
    public void theDispatcherAndEachChannelHaveAnMBeanUntilTheyGo() throws Exception {
        Channel channel = new Answering();
        management.registerDispatcher();
        management.registerChannel(channel, new ChannelRegistry.Route(channel, "smtp-main", List.of(Medium.EMAIL), 10));
        ObjectName dispatcher = new ObjectName("io.tidings:type=Dispatcher");
        ObjectName smtp = new ObjectName("io.tidings:type=Channel,name=smtp-main");
        assertTrue(server.isRegistered(dispatcher));
        assertEquals(0, server.getAttribute(dispatcher, "InFlight"));
        assertEquals("", server.getAttribute(dispatcher, "OldestDue"));
        assertEquals("available", server.getAttribute(smtp, "State"));
        assertEquals(0L, server.getAttribute(smtp, "Sent"));
        assertEquals("sent; provider id p-olena@example.com", server.invoke(smtp, "testSend",
                new Object[] {"olena@example.com"}, new String[] {String.class.getName()}));

        management.unregisterChannel(channel);
        assertFalse(server.isRegistered(smtp));
        management.close();
        assertFalse(server.isRegistered(dispatcher));
    }
}
