package io.tidings.core.dispatch;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.After;
import org.junit.Test;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Medium;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;
import io.tidings.api.template.RenderedMessage;

public class OutcomeRecorderTest {

    private final InMemoryQueue queue = new InMemoryQueue();
    private final Dispatcher.Settings settings = Fakes.settings(10, 3);
    private final Claimer slots = new Claimer(queue, settings);
    private final OutcomeRecorder recorder = new OutcomeRecorder(queue, Clock.systemUTC(), settings, slots);
    private final ChannelRegistry channels = new ChannelRegistry();
    private final Fakes.Recording smpp = new Fakes.Recording();

    @After
    public void close() {
        recorder.close();
    }

    private Communication claimed(String id, int attempts) throws Exception {
        queue.add(InMemoryQueue.queued(id, "e-" + id, Medium.SMS, "+380671234567", attempts),
                InMemoryQueue.event("e-" + id, Map.of()), Instant.now().minusSeconds(1));
        return slots.claim(Instant.now()).due().get(0);
    }

    private void send(Communication c) {
        channels.add(smpp, Fakes.route("smpp-main", "SMS", 0));
        OutboundMessage message = new OutboundMessage(c.id(), c.medium(), c.recipient(), null, null, "Готово", null,
                "uk", c.attempts() + 1, null);
        recorder.send(c, channels.candidates(Medium.SMS).get(0),
                new RenderedMessage("uk", "preferred", 3, null, null, "Готово"), message);
    }

    @Test
    public void aSentOutcomeIsRecordedWithItsProviderIdAndFreesTheSlot() throws Exception {
        send(claimed("c-1", 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.get("c-1").status() == CommunicationStatus.SENT);
        assertEquals("p-c-1", queue.get("c-1").providerMessageId());
        assertEquals("smpp-main", queue.get("c-1").channel());
        slots.awaitIdle(Duration.ofSeconds(5));
    }

    @Test
    public void aTransientFailureRetriesAfterItsBackoffAndTheLastAttemptFails() throws Exception {
        smpp.answer = m -> SendResult.transientFailure("throttled");
        send(claimed("c-1", 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.get("c-1").status() == CommunicationStatus.QUEUED);
        assertEquals("attempt 1 failed: smpp-main: throttled; next in 2 s", queue.get("c-1").statusReason());
        assertEquals(1, queue.get("c-1").attempts());
        assertTrue(queue.dueAt("c-1").isAfter(Instant.now().plusSeconds(1)));

        send(claimed("c-2", 2));
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.get("c-2").status() == CommunicationStatus.FAILED);
        assertEquals("gave up after 3 attempts; last: smpp-main: throttled", queue.get("c-2").statusReason());
    }

    @Test
    public void aGatewaysRetryAfterIsCappedAtTheLongestBackoff() throws Exception {
        smpp.answer = m -> SendResult.transientFailure("throttled", Duration.ofDays(2));
        send(claimed("c-1", 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.get("c-1").status() == CommunicationStatus.QUEUED);
        assertEquals("attempt 1 failed: smpp-main: throttled; next in 600 s", queue.get("c-1").statusReason());
        assertTrue(queue.dueAt("c-1").isBefore(Instant.now().plus(Duration.ofMinutes(11))));
    }

    @Test
    public void aTransientFailureOutsideTheRetryBudgetFailsWhateverTheAttemptsLeft() throws Exception {
        Dispatcher.Settings budgeted = new Dispatcher.Settings(50, 10, 100, Duration.ofMinutes(2),
                Duration.ofMillis(20), new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), 0),
                Duration.ofMinutes(1));
        try (OutcomeRecorder recorder = new OutcomeRecorder(queue, Clock.systemUTC(), budgeted, slots)) {
            Communication young = InMemoryQueue.queued("c-1", "e-1", Medium.SMS, "+380671234567", 3);
            Communication old = new Communication("c-2", "e-2", young.entity(), null, "ready", null, Medium.SMS, null,
                    young.recipient(), "uk", CommunicationStatus.QUEUED, null, 3, null,
                    Instant.now().minus(Duration.ofMinutes(5)), null, null, null, null);
            queue.add(young, null, Instant.now());
            queue.add(old, null, Instant.now());
            recorder.retry(young, "smtp-main", "connection refused", null);
            recorder.retry(old, "smtp-main", "connection refused", null);
        }
        assertEquals(CommunicationStatus.QUEUED, queue.get("c-1").status());
        assertEquals(CommunicationStatus.FAILED, queue.get("c-2").status());
        assertEquals("gave up after 4 attempts in 1 min (the retry budget); last: smtp-main: connection refused",
                queue.get("c-2").statusReason());
    }

    @Test
    public void waitingForAnUnavailableChannelCostsNoAttemptUntilTheRetryBudgetIsSpent() throws Exception {
        Communication waiting = claimed("c-2", 2);
        recorder.waitForChannel(waiting, "no channel available (smtp-main: reconnecting in 4 s)");
        assertEquals(CommunicationStatus.QUEUED, queue.get("c-2").status());
        assertEquals("waiting costs no attempt", 2, queue.get("c-2").attempts());
        assertEquals("no due moment: woken when a channel becomes available", null, queue.dueAt("c-2"));

        Communication old = new Communication("c-3", "e-3", waiting.entity(), null, "ready", null, Medium.SMS, null,
                waiting.recipient(), "uk", CommunicationStatus.SENDING, null, 2, null,
                Instant.now().minus(Duration.ofHours(13)), null, null, null, null);
        queue.add(old, null, null);
        recorder.waitForChannel(old, "no channel available (smtp-main: login refused)");
        assertEquals(CommunicationStatus.FAILED, queue.get("c-3").status());
        assertEquals("gave up after 2 attempts in 12 h (the retry budget); last: no channel available (smtp-main: "
                + "login refused)", queue.get("c-3").statusReason());
    }

    @Test
    public void receiptsArrivingTogetherShareOneTransactionAndFindTheSentWrittenWithThem() throws Exception {
        // the first outcome's commit is slow: the other sends' SENT and all receipts arrive meanwhile
        java.util.concurrent.CountDownLatch slowCommit = new java.util.concurrent.CountDownLatch(1);
        queue.outcomesGate = slowCommit;
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Communication c = claimed("r-" + i, 0);
            ids.add(c.id());
            send(c);
        }
        java.util.List<java.util.concurrent.CompletableFuture<Boolean>> receipts = new java.util.ArrayList<>();
        for (String id : ids) {
            receipts.add(recorder.feedbackAsync("smpp-main", "p-" + id, CommunicationStatus.DELIVERED, null));
        }
        java.util.concurrent.CompletableFuture<Boolean> unknown = recorder.feedbackAsync("smpp-main", "p-nobody",
                CommunicationStatus.DELIVERED, null);
        slowCommit.countDown();

        for (int i = 0; i < ids.size(); i++) {
            assertTrue("receipt of " + ids.get(i), receipts.get(i).get(5, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(CommunicationStatus.DELIVERED, queue.get(ids.get(i)).status());
        }
        assertEquals(Boolean.FALSE, unknown.get(5, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("all eleven receipts in one transaction", java.util.List.of(11), queue.reportBatches);
        slots.awaitIdle(Duration.ofSeconds(5));
        assertEquals(0, slots.inFlight());
    }

    @Test
    public void aReceiptIsAppliedAfterTheSentItRefersTo() throws Exception {
        // the provider's id is known to the channel before the engine has written SENT: feedback waits for it
        send(claimed("c-1", 0));
        assertTrue(recorder.feedback("smpp-main", "p-c-1", CommunicationStatus.DELIVERED, null));
        assertEquals(CommunicationStatus.DELIVERED, queue.get("c-1").status());
    }
}
