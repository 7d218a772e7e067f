package io.tidings.itests.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateAttachment;
import io.tidings.api.template.TemplateContent;
import io.tidings.channel.external.ExternalChannel;

/**
 * A message with files is never handed to a channel that cannot carry them: with only such a
 * channel for email it is retried, then FAILED with the reason, while the same channel takes
 * messages without files.
 */
public class AttachmentRoutingTest {

    private Engine engine;

    @After
    public void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    public void filesOnlyGoThroughChannelsThatCarryThem() throws Exception {
        engine = new Engine(Engine.settings(2, Duration.ofMillis(100)));
        engine.addChannel(new ExternalChannel("external-mail", engine.store.externalOutbox(), Clock.systemUTC()), "external-mail", "EMAIL", 5);
        engine.save(new Template("bill", "Bill", Medium.EMAIL, "fr", Map.of("fr", new TemplateContent("Facture",
                "<p>Votre facture</p>", null)), 0, List.of(new TemplateAttachment("facture.pdf", null, "bill.pdf",
                        "application/pdf", false, null))));
        engine.save(new Template("note", "Note", Medium.EMAIL, "fr", Map.of("fr", new TemplateContent("Note",
                "<p>Merci</p>", null)), 0));
        engine.save(new NotificationRule("bill", "Bill", "bill.issued", null, List.of(), null, List.of("bill", "note"),
                List.of("contact_information"), Purpose.TRANSACTIONAL, null, true));

        List<String> ids = engine.ingest.submit(new BusinessEvent("evt-bill", "bill.issued",
                OffsetDateTime.parse("2026-11-23T10:00:00+01:00"), null, new EntityRef("bill", "F-42"), Map.of(
                        "bill", Map.of("pdf", Base64.getEncoder().encodeToString("%PDF-1.4".getBytes(StandardCharsets.UTF_8))),
                        "contact_information", Map.of("name", "Amélie", "email", "amelie@example.fr",
                                "consent", Map.of("email", true))))).communicationIds();
        assertEquals(2, ids.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> {
            CommunicationStatus s = engine.communication(id).orElseThrow().status();
            return s == CommunicationStatus.FAILED || s == CommunicationStatus.SENT;
        }));
        Communication bill = engine.communication(ids.stream().filter(id -> "bill".equals(
                engine.communication(id).orElseThrow().templateKey())).findFirst().orElseThrow()).orElseThrow();
        Communication note = engine.communication(ids.stream().filter(id -> "note".equals(
                engine.communication(id).orElseThrow().templateKey())).findFirst().orElseThrow()).orElseThrow();
        assertEquals(CommunicationStatus.FAILED, bill.status());
        assertTrue(bill.statusReason(), bill.statusReason().contains("no EMAIL channel carries attachments"));
        assertEquals(CommunicationStatus.SENT, note.status());
        assertEquals("external-mail", note.channel());
    }
}
