package io.tidings.itests.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import javax.mail.internet.MimeMessage;

import org.junit.After;
import org.junit.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.IngestResult;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.channel.smtp.SmtpChannel;

/**
 * The engine end to end in one JVM with its real parts and a real SMTP server: retries with
 * backoff, giving up, consent, idempotency.
 */
public class EngineTest {

    private Engine engine;
    private SmtpChannel smtp;
    private GreenMail server;

    @After
    public void stop() {
        if (engine != null) {
            engine.close();
        }
        if (smtp != null) {
            smtp.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    public void aTransientFailureIsRetriedWithBackoffUntilTheServerAnswers() throws Exception {
        engine = new Engine(Engine.settings(10, Duration.ofMillis(300)));
        int port = Engine.freePort();
        smtp = Engine.smtp("smtp-main", port);
        engine.addChannel(smtp, "smtp-main", "EMAIL", 0);
        setUp();

        String id = submit("evt-retry", "Ірина Петренко", "iryna@example.com", true).communicationIds().get(0);
        assertEquals("a time-ordered id (UUID version 7)", 7, java.util.UUID.fromString(id).version());
        // nothing listens yet: the first attempt fails and the message goes back to the queue
        // a snapshot between attempts (a retry in flight reads SENDING with the attempts it had)
        Communication waiting = await().atMost(Duration.ofSeconds(30)).until(
                () -> engine.communication(id).orElseThrow(),
                c -> c.attempts() >= 1 && c.status() != CommunicationStatus.SENDING);
        assertEquals(CommunicationStatus.QUEUED, waiting.status());
        assertTrue(waiting.statusReason(), waiting.statusReason().startsWith("attempt 1 failed"));

        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> engine.communication(id).orElseThrow().status() == CommunicationStatus.SENT);
        Communication sent = engine.communication(id).orElseThrow();
        assertTrue("attempts " + sent.attempts(), sent.attempts() >= 2);
        assertEquals("smtp-main", sent.channel());
        assertNull(sent.statusReason());
        MimeMessage[] received = server.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Замовлення 77 готове", received[0].getSubject());
    }

    @Test
    public void whenEveryAttemptFailsTheCommunicationFailsWithTheLastError() throws Exception {
        // a server that never comes back: the channel reports itself unavailable, which costs the
        // message no attempt, so what ends it is the retry budget
        io.tidings.core.dispatch.Dispatcher.Settings base = Engine.settings(3, Duration.ofMillis(100));
        engine = new Engine(new io.tidings.core.dispatch.Dispatcher.Settings(base.batchSize(), base.maxInFlight(),
                base.maxAttempts(), base.lease(), base.pollInterval(), base.backoff(), Duration.ofSeconds(3)));
        smtp = Engine.smtp("smtp-main", Engine.freePort());
        engine.addChannel(smtp, "smtp-main", "EMAIL", 0);
        setUp();

        String id = submit("evt-give-up", "Ann", "ann@example.com", true).communicationIds().get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> engine.communication(id).orElseThrow().status() == CommunicationStatus.FAILED);
        Communication failed = engine.communication(id).orElseThrow();
        assertTrue(failed.statusReason(), failed.statusReason().startsWith("gave up after "));
        assertTrue(failed.statusReason(), failed.statusReason().contains("(the retry budget); last: "));
        assertTrue(failed.statusReason(), !failed.statusReason().contains("ann@example.com"));
    }

    @Test
    public void aContactWithoutConsentIsSuppressedAndTheSameEventTwiceCreatesNothingNew() throws Exception {
        engine = new Engine(Engine.settings(3, Duration.ofMillis(100)));
        server = new GreenMail(new ServerSetup(Engine.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        smtp = Engine.smtp("smtp-main", server.getSmtp().getPort());
        engine.addChannel(smtp, "smtp-main", "EMAIL", 0);
        setUp();

        IngestResult first = submit("evt-no-consent", "Søren", "soren@example.com", false);
        IngestResult again = submit("evt-no-consent", "Søren", "soren@example.com", true);
        assertEquals(first.communicationIds(), again.communicationIds());
        assertTrue(again.duplicate());
        Communication suppressed = engine.communication(first.communicationIds().get(0)).orElseThrow();
        assertEquals(CommunicationStatus.SUPPRESSED, suppressed.status());
        assertEquals("no consent for EMAIL (contact_information.consent.email)", suppressed.statusReason());

        IngestResult consented = submit("evt-consent", "Søren", "soren@example.com", true);
        String id = consented.communicationIds().get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.communication(id).orElseThrow().status() == CommunicationStatus.SENT);
        assertEquals(1, server.getReceivedMessages().length);
    }

    // ---- fixtures

    private void setUp() {
        engine.save(new Template("order-ready", "Order ready", Medium.EMAIL, "en", Map.of(
                "en", new TemplateContent("Order #order.number is ready", "<p>Dear #contact_information.name</p>", null),
                "uk", new TemplateContent("Замовлення #order.number готове", "<p>Шановна #contact_information.name</p>", null)),
                0));
        engine.save(new NotificationRule("order-ready", "Order ready", "order.status_changed", "ready", List.of(), null,
                List.of("order-ready"), List.of("contact_information"), Purpose.TRANSACTIONAL, null, true));
    }

    private IngestResult submit(String id, String name, String email, boolean consent) {
        return engine.ingest.submit(new BusinessEvent(id, "order.status_changed",
                OffsetDateTime.parse("2026-11-23T10:00:00+02:00"), null, new EntityRef("order", "77"),
                Map.of("order", Map.of("number", "77", "status", "ready"),
                        "contact_information", Map.of("name", name, "email", email, "preferred_language", "uk",
                                "consent", Map.of("email", consent)))));
    }
}
