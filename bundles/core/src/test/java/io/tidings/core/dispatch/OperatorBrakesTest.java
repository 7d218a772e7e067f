package io.tidings.core.dispatch;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.After;
import org.junit.Test;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Medium;

/** An operator's pause of all dispatch and of one channel, on in-memory parts. */
public class OperatorBrakesTest {

    private final Fakes.Templates templates = new Fakes.Templates();
    private final ChannelRegistry channels = new ChannelRegistry();
    private final Fakes.Recording smtp = new Fakes.Recording();
    private final InMemoryQueue queue = new InMemoryQueue();
    private final AtomicBoolean paused = new AtomicBoolean();
    private Dispatcher dispatcher;

    @After
    public void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private void start() {
        dispatcher = new Dispatcher(queue, queue, (key, version) -> Optional.of(Fakes.template(key)), templates,
                channels, Clock.systemUTC(), Fakes.settings(20, 6));
        dispatcher.paused(paused::get);
        channels.add(smtp, Fakes.route("smtp-main", "EMAIL", 10));
        dispatcher.start();
    }

    private void due(String id) {
        queue.add(InMemoryQueue.queued(id, "e-" + id, Medium.EMAIL, "olena@example.com", 0),
                InMemoryQueue.event("e-" + id, Map.of("text", "Замовлення готове")), Instant.now().minusSeconds(1));
    }

    @Test
    public void aPausedDispatcherClaimsNothingAndSendsOnResume() {
        paused.set(true);
        due("c-1");
        start();
        dispatcher.wake();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> queue.get("c-1").status() == CommunicationStatus.QUEUED);
        assertTrue(smtp.sent.isEmpty());

        paused.set(false);
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.get("c-1").status() == CommunicationStatus.SENT);
        assertEquals(1, smtp.sent.size());
    }

    @Test
    public void aPausedChannelGetsNothingItsMessagesWaitWithoutAnAttemptAndGoOutOnResume() {
        start();
        assertTrue(channels.pause("smtp-main"));
        assertFalse("an unknown channel is not paused", channels.pause("smtp-other"));
        assertEquals("paused by an operator", channels.channels().get(0).state().detail());
        due("c-1");
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.get("c-1").statusReason() != null);
        Communication waiting = queue.get("c-1");
        assertEquals(CommunicationStatus.QUEUED, waiting.status());
        assertTrue(waiting.statusReason(), waiting.statusReason().contains("smtp-main: paused by an operator"));
        assertEquals("waiting costs no attempt", 0, waiting.attempts());
        assertTrue(smtp.sent.isEmpty());

        assertTrue(channels.resume("smtp-main"));
        dispatcher.channelAdded(channels.media("smtp-main"));
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.get("c-1").status() == CommunicationStatus.SENT);
        assertEquals(1, smtp.sent.size());
        assertFalse("resuming twice says it was not paused", channels.resume("smtp-main"));
    }

    /** A channel that answers only when the test says so: what it was given stays in flight until then. */
    private static final class Held implements io.tidings.api.channel.Channel {
        final java.util.List<java.util.concurrent.CompletableFuture<io.tidings.api.channel.SendResult>> answers =
                new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public java.util.concurrent.CompletionStage<io.tidings.api.channel.SendResult> send(
                io.tidings.api.channel.OutboundMessage message) {
            java.util.concurrent.CompletableFuture<io.tidings.api.channel.SendResult> answer =
                    new java.util.concurrent.CompletableFuture<>();
            answers.add(answer);
            return answer;
        }

        @Override
        public io.tidings.api.channel.ChannelCapabilities capabilities() {
            return io.tidings.api.channel.ChannelCapabilities.TEXT;
        }
    }

    @Test
    public void aDrainedChannelFinishesWhatItHasInFlightTakesNothingNewAndSaysWhenItIsDrained() {
        Held held = new Held();
        channels.add(held, Fakes.route("smtp-old", "EMAIL", 20));
        channels.inFlight(name -> dispatcher == null ? 0 : dispatcher.inFlight(name));
        start();
        due("c-1");
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(10)).until(() -> held.answers.size() == 1);
        assertEquals(1, dispatcher.inFlight("smtp-old"));

        assertTrue(channels.drain("smtp-old"));
        assertFalse("an unknown channel is not drained", channels.drain("smtp-other"));
        assertEquals("DRAINING", state("smtp-old"));
        due("c-2");
        dispatcher.wake();
        // the drained channel's medium goes to the other channel meanwhile
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.get("c-2").status() == CommunicationStatus.SENT);
        assertEquals("smtp-main", queue.get("c-2").channel());
        assertEquals(1, held.answers.size());

        held.answers.get(0).complete(io.tidings.api.channel.SendResult.sent("p-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.get("c-1").status() == CommunicationStatus.SENT);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DRAINED".equals(state("smtp-old")));
        assertEquals(0, dispatcher.inFlight("smtp-old"));
        assertEquals(java.util.Set.of("smtp-old"), channels.draining());

        assertTrue("resume ends the drain", channels.resume("smtp-old"));
        assertTrue(channels.draining().isEmpty());
        assertTrue(channels.channels().stream().allMatch(c -> c.state().available()));
    }

    private String state(String name) {
        return channels.channels().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().state().detail();
    }
}
