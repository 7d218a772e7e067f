package io.tidings.core.dispatch;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.After;
import org.junit.Test;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelCapabilities;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;

/**
 * The pipelined send path: the next round is claimed in the transaction that marks the current one
 * handed over, and never more rows than the in-flight window, however long the backlog.
 */
public class PipelineTest {

    /** A channel that holds every send until the test answers it, and notes any it got before its mark. */
    private static final class Holding implements Channel {
        final Map<String, CompletableFuture<SendResult>> pending = new ConcurrentHashMap<>();
        final Set<String> unmarked = ConcurrentHashMap.newKeySet();
        private final InMemoryQueue queue;

        Holding(InMemoryQueue queue) {
            this.queue = queue;
        }

        @Override
        public CompletionStage<SendResult> send(OutboundMessage message) {
            if (!queue.handedOver.contains(message.communicationId())) {
                unmarked.add(message.communicationId());
            }
            CompletableFuture<SendResult> answer = new CompletableFuture<>();
            pending.put(message.communicationId(), answer);
            return answer;
        }

        /** Answers one held send as sent. */
        void answerOne() {
            String id = pending.keySet().iterator().next();
            pending.remove(id).complete(SendResult.sent("p-" + id));
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

    private Dispatcher dispatcher;

    @After
    public void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    @Test
    public void aBacklogDrainsWithinTheInFlightWindowAndEachMessageIsMarkedBeforeItsChannelGetsIt() {
        InMemoryQueue queue = new InMemoryQueue();
        int backlog = 40;
        for (int i = 0; i < backlog; i++) {
            String id = "c-" + i;
            queue.add(InMemoryQueue.queued(id, "e-" + id, Medium.SMS, "+380671234567", 0),
                    InMemoryQueue.event("e-" + id, Map.of("text", "Готово " + i)), Instant.now().minusSeconds(1));
        }
        Holding channel = new Holding(queue);
        ChannelRegistry channels = new ChannelRegistry();
        channels.add(channel, Fakes.route("smpp-main", "SMS", 0));
        // batches of 2 within a window of 5: rounds overlap, and the window, not the batch, bounds them
        Dispatcher.Settings settings = new Dispatcher.Settings(2, 5, 6, Duration.ofMinutes(2), Duration.ofMillis(20),
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), 0));
        dispatcher = new Dispatcher(queue, queue, (key, version) -> Optional.of(Fakes.template(key)),
                new Fakes.Templates(), channels, Clock.systemUTC(), settings);
        dispatcher.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> channel.pending.size() == 5);
        assertEquals("a full window claims nothing more", 5, queue.count(CommunicationStatus.SENDING));
        assertEquals(backlog - 5, queue.count(CommunicationStatus.QUEUED));
        for (int answered = 0; answered < backlog; answered++) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !channel.pending.isEmpty());
            assertTrue(queue.count(CommunicationStatus.SENDING) <= 5);
            channel.answerOne();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.count(CommunicationStatus.SENT) == backlog);
        assertEquals("never more rows claimed than the window", 5, queue.mostSending);
        assertEquals("every message marked as handed over before its channel got it", Set.of(), channel.unmarked);
        assertEquals(0, dispatcher.inFlight());
    }
}
