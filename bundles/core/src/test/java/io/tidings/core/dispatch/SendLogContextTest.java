package io.tidings.core.dispatch;

import static org.junit.Assert.assertEquals;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.After;
import org.junit.Test;
import org.slf4j.MDC;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelCapabilities;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;

/**
 * The MDC of a send (logback's real MDC adapter in this test): the communication, channel and rule
 * are set while the channel is given the message, and cleared from the dispatch thread after.
 */
public class SendLogContextTest {

    private final ChannelRegistry channels = new ChannelRegistry();
    private final InMemoryQueue queue = new InMemoryQueue();
    private final AtomicReference<Map<String, String>> duringSend = new AtomicReference<>();
    private final AtomicReference<Map<String, String>> afterSend = new AtomicReference<>();
    private Dispatcher dispatcher;

    /** Sees the MDC of the thread that hands it the message. */
    private final Channel channel = new Channel() {
        @Override
        public CompletionStage<SendResult> send(OutboundMessage message) {
            duringSend.set(MDC.getCopyOfContextMap());
            return CompletableFuture.completedFuture(SendResult.sent("p-" + message.communicationId()));
        }

        @Override
        public ChannelCapabilities capabilities() {
            return ChannelCapabilities.TEXT;
        }
    };

    @After
    public void close() {
        MDC.clear();
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    @Test
    public void theCommunicationChannelAndRuleAreInTheMdcDuringTheSendAndGoneAfter() {
        channels.add(channel, Fakes.route("smtp-main", "EMAIL", 10));
        dispatcher = new Dispatcher(queue, queue, (key, version) -> Optional.of(Fakes.template(key)),
                new Fakes.Templates(), channels, Clock.systemUTC(), Fakes.settings(20, 6));
        // asked on the dispatch thread before each round: what that thread's MDC holds between sends
        dispatcher.paused(() -> {
            if (duringSend.get() != null) {
                Map<String, String> mdc = MDC.getCopyOfContextMap();
                afterSend.set(mdc == null ? Map.of() : mdc);
            }
            return false;
        });
        queue.add(new Communication("c-1", "e-1", new EntityRef("order", "4711"), "order-ready", "ready", null,
                Medium.EMAIL, null, "olena@example.com", "uk", CommunicationStatus.QUEUED, null, 0, null, Instant.now(),
                null, null, null, null),
                InMemoryQueue.event("e-1", Map.of("text", "Замовлення готове")), Instant.now().minusSeconds(1));
        dispatcher.start();
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.get("c-1").status() == CommunicationStatus.SENT);

        Map<String, String> seen = duringSend.get();
        assertEquals("c-1", seen.get("tidings.communication"));
        assertEquals("smtp-main", seen.get("tidings.channel"));
        assertEquals("order-ready", seen.get("tidings.rule"));
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(10)).until(() -> afterSend.get() != null);
        assertEquals("nothing of the send is left on the dispatch thread", Map.of(), afterSend.get());
    }
}
