package io.tidings.core.dispatch;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.After;
import org.junit.Test;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Medium;

/** The send path end to end on in-memory parts: claim → prepare → route → hand over → record. */
public class DispatcherTest {

    private final Fakes.Templates templates = new Fakes.Templates();
    private final ChannelRegistry channels = new ChannelRegistry();
    private final Fakes.Recording smpp = new Fakes.Recording();
    private Dispatcher dispatcher;
    private final SendCounters counters = new SendCounters();

    @After
    public void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private Dispatcher start(InMemoryQueue queue) {
        return start(queue, null);
    }

    private Dispatcher start(InMemoryQueue queue, io.tidings.core.store.ConsentRepository consent) {
        dispatcher = new Dispatcher(queue, queue, (key, version) -> Optional.of(Fakes.template(key)), templates,
                channels, Clock.systemUTC(), Fakes.settings(20, 6));
        dispatcher.consent(consent);
        dispatcher.counters(counters);
        channels.add(smpp, Fakes.route("smpp-main", "SMS", 0));
        dispatcher.start();
        return dispatcher;
    }

    private static void due(InMemoryQueue queue, String id, String text) {
        queue.add(InMemoryQueue.queued(id, "e-" + id, Medium.SMS, "+380671234567", 0),
                InMemoryQueue.event("e-" + id, Map.of("text", text)), Instant.now().minusSeconds(1));
    }

    @Test
    public void aMessageThatOverflowsTheStackFailsAloneAndTheOthersAreSent() {
        InMemoryQueue queue = new InMemoryQueue();
        templates.body = data -> {
            if ("poison".equals(data.get("text"))) {
                throw new StackOverflowError();
            }
            return String.valueOf(data.get("text"));
        };
        due(queue, "c-1", "Замовлення готове");
        due(queue, "c-2", "poison");
        due(queue, "c-3", "Ordren er klar");
        start(queue);
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.get("c-1").status() == CommunicationStatus.SENT
                && queue.get("c-3").status() == CommunicationStatus.SENT);
        Communication poison = queue.get("c-2");
        assertEquals(CommunicationStatus.FAILED, poison.status());
        assertTrue(poison.statusReason(), poison.statusReason().startsWith("cannot render: StackOverflowError"));

        due(queue, "c-4", "Votre commande est prête");
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.get("c-4").status() == CommunicationStatus.SENT);
    }

    /** Opt-outs in memory: the latest choice for an address and purpose wins. */
    static final class Consent implements io.tidings.core.store.ConsentRepository {
        final java.util.Map<String, io.tidings.api.consent.OptOut> optOuts = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public io.tidings.api.consent.OptOut saveOptOut(io.tidings.api.consent.OptOut optOut) {
            optOuts.put(optOut.address() + "|" + optOut.purpose(), optOut);
            return optOut;
        }

        @Override
        public boolean optedOut(String address, io.tidings.api.Purpose purpose) {
            return optOuts.containsKey(address + "|" + purpose);
        }

        @Override
        public java.util.List<io.tidings.api.consent.OptOut> optOuts(String address) {
            return optOuts.values().stream().filter(o -> o.address().equals(address)).toList();
        }

        @Override
        public void saveOptIn(String address, io.tidings.api.Purpose purpose, Instant at) {
            optOuts.remove(address + "|" + purpose);
        }

        @Override
        public boolean optedIn(String address, io.tidings.api.Purpose purpose) {
            return false;
        }
    }

    @Test
    public void anOptOutRecordedAfterPlanningSuppressesAMessageStillWaiting() {
        InMemoryQueue queue = new InMemoryQueue();
        Consent consent = new Consent();
        consent.saveOptOut(new io.tidings.api.consent.OptOut("+380671234567", io.tidings.api.Purpose.TRANSACTIONAL,
                Instant.now()));
        due(queue, "c-1", "Замовлення готове");
        queue.add(InMemoryQueue.queued("c-2", "e-c-2", Medium.SMS, "+4520123456", 0),
                InMemoryQueue.event("e-c-2", Map.of("text", "Ordren er klar")), Instant.now().minusSeconds(1));
        start(queue, consent);
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.get("c-1").status().isFinal()
                && queue.get("c-2").status() == CommunicationStatus.SENT);
        assertEquals(CommunicationStatus.SUPPRESSED, queue.get("c-1").status());
        assertEquals("+380671234567 opted out of TRANSACTIONAL through Tidings after the message was planned",
                queue.get("c-1").statusReason());
        assertEquals("only the other message reached the channel", 1, smpp.sent.size());
        assertEquals(List.of(new io.tidings.api.DispatcherStatus.SendCount("sent", "smpp-main", "SMS", 1),
                new io.tidings.api.DispatcherStatus.SendCount("suppressed", "", "SMS", 1)), counters.snapshot());
    }

    @Test
    public void anErrorInAClaimRoundDoesNotEndTheDispatchThread() {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        InMemoryQueue queue = new InMemoryQueue() {
            @Override
            public synchronized java.util.List<Communication> claimDue(Instant now, int limit, Instant leaseUntil) {
                if (failOnce.getAndSet(false)) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return super.claimDue(now, limit, leaseUntil);
            }
        };
        due(queue, "c-1", "Замовлення готове");
        start(queue);
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.get("c-1").status() == CommunicationStatus.SENT);
        assertTrue(!failOnce.get());
    }

    @Test
    public void noChannelAvailableCostsNoAttemptAndTheMessageGoesOutWhenOneBecomesAvailable() {
        InMemoryQueue queue = new InMemoryQueue();
        smpp.state = io.tidings.api.channel.ChannelState.unavailable("binding");
        due(queue, "c-1", "Замовлення готове");
        start(queue);
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.get("c-1").status() == CommunicationStatus.QUEUED
                && "no channel available (smpp-main: binding)".equals(queue.get("c-1").statusReason()));
        assertEquals("waiting for a channel costs no attempt", 0, queue.get("c-1").attempts());
        assertEquals("nothing is due until a channel can take it", null, queue.dueAt("c-1"));
        smpp.state = io.tidings.api.channel.ChannelState.AVAILABLE;
        await().atMost(Duration.ofSeconds(3)).until(() -> queue.get("c-1").status() == CommunicationStatus.SENT);
    }

    @Test
    public void aSlowAttachmentServerHoldsUpItsOwnMessageOnly() throws Exception {
        com.sun.net.httpserver.HttpServer files = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        files.createContext("/invoice.pdf", exchange -> {
            try {
                release.await(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] pdf = "%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, pdf.length);
            exchange.getResponseBody().write(pdf);
            exchange.close();
        });
        files.start();
        try {
            InMemoryQueue queue = new InMemoryQueue();
            io.tidings.api.template.Template withFile = new io.tidings.api.template.Template("bill", "bill", Medium.SMS,
                    "uk", Map.of("uk", new io.tidings.api.template.TemplateContent(null, null, "Рахунок")), 1,
                    java.util.List.of(new io.tidings.api.template.TemplateAttachment("invoice.pdf",
                            "http://127.0.0.1:" + files.getAddress().getPort() + "/invoice.pdf", null,
                            "application/pdf", false, null)));
            dispatcher = new Dispatcher(queue, queue, (key, version) -> Optional.of(
                    "bill".equals(key) ? withFile : Fakes.template(key)), templates, channels, Clock.systemUTC(),
                    Fakes.settings(20, 6));
            dispatcher.attachments(new AttachmentResolver(1_000_000, Duration.ofSeconds(30),
                    java.util.List.of("127.0.0.1")));
            channels.add(new Fakes.Recording(io.tidings.api.channel.ChannelCapabilities.EMAIL),
                    Fakes.route("smpp-files", "SMS", 0));
            Communication bill = new Communication("c-bill", "e-bill", null, null, "bill", null, Medium.SMS, null,
                    "+380671234567", "uk", CommunicationStatus.QUEUED, null, 0, null, Instant.now(), null, null, null,
                    null);
            queue.add(bill, InMemoryQueue.event("e-bill", Map.of("text", "Рахунок")), Instant.now().minusSeconds(2));
            due(queue, "c-1", "Замовлення готове");
            dispatcher.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.get("c-1").status() == CommunicationStatus.SENT);
            assertEquals("the message with the file still waits for its server", CommunicationStatus.SENDING,
                    queue.get("c-bill").status());
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.get("c-bill").status() == CommunicationStatus.SENT);
        } finally {
            release.countDown();
            files.stop(0);
        }
    }

    @Test
    public void aMediumWithNoChannelWaitsAndGoesOutWhenOneArrives() {
        InMemoryQueue queue = new InMemoryQueue();
        queue.add(InMemoryQueue.queued("c-1", "e-c-1", Medium.EMAIL, "olena@example.com", 0),
                InMemoryQueue.event("e-c-1", Map.of("text", "Готово")), Instant.now().minusSeconds(1));
        start(queue);
        await().atMost(Duration.ofSeconds(10)).until(() -> Router.NO_CHANNEL.equals(queue.get("c-1").statusReason()));
        assertEquals("waiting costs no attempt", 0, queue.get("c-1").attempts());
        Fakes.Recording smtp = new Fakes.Recording();
        dispatcher.channelAdded(channels.add(smtp, Fakes.route("smtp-main", "EMAIL", 0)));
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.get("c-1").status() == CommunicationStatus.SENT);
        assertEquals(1, smtp.sent.size());
    }
}
