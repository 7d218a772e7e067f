package io.tidings.itests.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import javax.mail.internet.MimeMessage;

import org.junit.After;
import org.junit.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.IngestResult;
import io.tidings.api.ManualMessage;
import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.channel.external.ExternalChannel;
import io.tidings.channel.smtp.SmtpChannel;
import io.tidings.core.plan.ManualMessages;

/**
 * A message an agent writes from a customer card goes out as written, through the same queue,
 * channels, consent and record as the messages of rules.
 */
public class ManualMessageTest {

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
    public void anEmailGoesOutAsWrittenWithoutExpandingTags() throws Exception {
        engine = new Engine(Engine.settings(3, Duration.ofMillis(100)));
        server = new GreenMail(new ServerSetup(Engine.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        smtp = Engine.smtp("smtp-main", server.getSmtp().getPort());
        engine.addChannel(smtp, "smtp-main", "EMAIL", 0);

        String text = "Hej Søren, din cykel er klar. Skriv #contact_information.name og $x, det sendes som skrevet.";
        IngestResult sent = engine.ingest.send(new ManualMessage("crm-1", Medium.EMAIL, Map.of("name", "Søren Ærø",
                "email", "soren@example.dk", "preferred_language", "da", "consent", Map.of("email", true)),
                "Votre réparation / Ваш ремонт", text, new EntityRef("order", "A-17"), null), Instant.now());
        String id = sent.communicationIds().get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == CommunicationStatus.SENT);

        MimeMessage[] received = server.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Votre réparation / Ваш ремонт", received[0].getSubject());
        assertTrue(GreenMailUtil.getBody(received[0]), received[0].getContent().toString().contains(text));
        Communication record = engine.communication(id).orElseThrow();
        assertEquals(ManualMessages.RULE, record.ruleKey());
        assertEquals("da", record.language());
        assertEquals(new EntityRef("order", "A-17"), record.entity());
        assertEquals(text, record.body());
    }

    @Test
    public void anSmsNeedsConsentIsTakenOnceAndCanWait() throws Exception {
        engine = new Engine(Engine.settings(3, Duration.ofMillis(100)));
        engine.addChannel(new ExternalChannel("sms-out", engine.store.externalOutbox(), Clock.systemUTC()), "sms-out", "SMS", 0);
        Map<String, Object> taras = Map.of("name", "Тарас", "phone", "+380671234567", "preferred_language", "uk",
                "consent", Map.of("sms", true));
        ManualMessage ready = new ManualMessage("crm-2", Medium.SMS, taras, null, "Ваш пристрій готовий. Чекаємо на вас!",
                null, null);

        IngestResult first = engine.ingest.send(ready, Instant.now());
        IngestResult again = engine.ingest.send(ready, Instant.now());
        assertTrue(again.duplicate());
        assertEquals(first.communicationIds(), again.communicationIds());
        String id = first.communicationIds().get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == CommunicationStatus.SENT);
        Communication record = engine.communication(id).orElseThrow();
        assertEquals("Ваш пристрій готовий. Чекаємо на вас!", record.body());
        assertEquals(new EntityRef("manual_message", "crm-2"), record.entity());
        assertEquals("uk", record.language());

        // no consent for SMS: kept in the record, not sent
        String refused = engine.ingest.send(new ManualMessage("crm-3", Medium.SMS, Map.of("name", "Ann", "phone",
                "+4520123456"), null, "Din ordre er klar", null, null), Instant.now()).communicationIds().get(0);
        assertEquals(CommunicationStatus.SUPPRESSED, status(refused));
        assertTrue(engine.communication(refused).orElseThrow().statusReason(),
                engine.communication(refused).orElseThrow().statusReason().contains("consent"));

        // for tomorrow morning
        OffsetDateTime tomorrow = OffsetDateTime.now(ZoneOffset.ofHours(2)).plusDays(1);
        String later = engine.ingest.send(new ManualMessage("crm-4", Medium.SMS, taras, null, "Нагадування", null,
                tomorrow), Instant.now()).communicationIds().get(0);
        Communication scheduled = engine.communication(later).orElseThrow();
        assertEquals(CommunicationStatus.SCHEDULED, scheduled.status());
        assertEquals(tomorrow.toInstant().getEpochSecond(), scheduled.notBefore().getEpochSecond(), 1.0);
    }

    @Test
    public void aTemplateSentByHandRendersWithItsUnrestrictedValues() throws Exception {
        engine = new Engine(Engine.settings(3, Duration.ofMillis(100)));
        engine.addChannel(new ExternalChannel("sms-out", engine.store.externalOutbox(), Clock.systemUTC()), "sms-out", "SMS", 0);
        engine.save(new Template("pickup", "Pickup", Medium.SMS, "en", Map.of(
                "en", new TemplateContent(null, null, "Order #order.number: #unrestricted.note"),
                "fr", new TemplateContent(null, null, "Commande #order.number : #unrestricted.note")), 0));
        Map<String, Object> amelie = Map.of("name", "Amélie", "phone", "+33612345678", "preferred_language", "fr",
                "consent", Map.of("sms", true));

        String id = engine.ingest.send(new ManualMessage("crm-6", null, amelie, null, null, "pickup", Map.of(
                "order", Map.of("number", "A-17"), "unrestricted", Map.of("note", "à retirer avant 18 h")),
                new EntityRef("order", "A-17"), null), Instant.now()).communicationIds().get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == CommunicationStatus.SENT);
        Communication record = engine.communication(id).orElseThrow();
        assertEquals("Commande A-17 : à retirer avant 18 h", record.body());
        assertEquals("pickup", record.templateKey());
        assertEquals("fr", record.language());

        // a missing unrestricted value is refused now, by name, and nothing is stored
        try {
            engine.ingest.send(new ManualMessage("crm-7", null, amelie, null, null, "pickup",
                    Map.of("order", Map.of("number", "A-18")), null, null), Instant.now());
            throw new AssertionError("accepted a template without its unrestricted value");
        } catch (ValidationException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("note"));
        }
        assertTrue(engine.store.outbox().communicationsOfEvent("manual:crm-7").isEmpty());
        // an email template for an SMS, or a template that does not exist
        assertField("medium", new ManualMessage("crm-8", Medium.EMAIL, Map.of("email", "a@example.fr"), null, null,
                "pickup", Map.of(), null, null));
        assertField("template", new ManualMessage("crm-9", null, amelie, null, null, "nope", Map.of(), null, null));
        assertField("text", new ManualMessage("crm-10", null, amelie, null, "Hi", "pickup", Map.of(), null, null));
    }

    private void assertField(String field, ManualMessage message) {
        try {
            engine.ingest.send(message, Instant.now());
            throw new AssertionError("accepted " + message);
        } catch (ValidationException e) {
            assertEquals(e.getMessage(), field, e.field());
        }
    }

    @Test
    public void aBadMessageNamesTheFieldAndStoresNothing() throws Exception {
        engine = new Engine(Engine.settings(3, Duration.ofMillis(100)));
        try {
            engine.ingest.send(new ManualMessage("crm-5", Medium.EMAIL, Map.of("name", "Ann", "phone", "+4520123456"),
                    "Hi", "Text", null, null), Instant.now());
            throw new AssertionError("accepted an email without an address");
        } catch (ValidationException e) {
            assertEquals("recipient.email", e.field());
        }
        assertTrue(engine.store.outbox().communicationsOfEvent("manual:crm-5").isEmpty());
    }

    private CommunicationStatus status(String id) {
        return engine.communication(id).orElseThrow().status();
    }
}
