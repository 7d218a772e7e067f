package io.tidings.core.dispatch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.core.spi.MessageDecorator;
import io.tidings.core.spi.RenderDataContributor;

public class MessagePreparerTest {

    private final Fakes.Templates engine = new Fakes.Templates();
    private final MessagePreparer preparer = new MessagePreparer(
            (key, version) -> "ready".equals(key) ? Optional.of(Fakes.template(key)) : Optional.empty(), engine);
    private final Communication sms = InMemoryQueue.queued("c-1", "e-1", Medium.SMS, "+380671234567", 1);
    private final BusinessEvent event = InMemoryQueue.event("e-1", Map.of("text", "Замовлення готове",
            "location", Map.of("country", "UA"), "contact_information", Map.of("name", "Тарас", "phone", "+380671234567")));

    @Test
    public void rendersWithWhatContributorsAddAndLetsDecoratorsFinishTheMessage() throws Exception {
        RenderDataContributor links = (c, e) -> Map.of("dynamic_link", Map.of("opt_out", "https://l/" + c.id()));
        MessageDecorator signature = (m, c, purpose) -> new OutboundMessage(m.communicationId(), m.medium(),
                m.recipient(), m.recipientName(), m.subject(), m.text() + " — " + purpose, m.html(), m.language(),
                m.attempt(), m.country(), m.attachments(), m.unsubscribeUrl());
        preparer.contributors(() -> List.of(links));
        preparer.decorators(() -> List.of(signature));
        engine.body = data -> data.get("text") + " " + ((Map<?, ?>) data.get("dynamic_link")).get("opt_out");

        OutboundMessage message = preparer.complete(preparer.render(sms, Optional.of(event)), Purpose.MARKETING);
        assertEquals("Замовлення готове https://l/c-1 — MARKETING", message.text());
        assertEquals("Тарас", message.recipientName());
        assertEquals("UA", message.country());
        assertEquals("the attempt this is", 2, message.attempt());
        assertNull(message.unsubscribeUrl());
    }

    @Test
    public void anEmailsReplyToIsItsRulesElseItsTemplatesAndAnSmsHasNone() throws Exception {
        io.tidings.api.template.Template email = new io.tidings.api.template.Template("commande", "Commande prête",
                Medium.EMAIL, "fr", Map.of("fr", new io.tidings.api.template.TemplateContent("Commande prête", null,
                        "Bonjour")), 2, List.of(), "boutique@example.fr");
        MessagePreparer withEmail = new MessagePreparer((key, version) -> Optional.of(
                "commande".equals(key) ? email : Fakes.template(key)), engine);
        Communication mail = new Communication("c-3", "e-1", sms.entity(), "commande", "commande", null, Medium.EMAIL,
                null, "chloe@example.fr", "fr", sms.status(), null, 0, null, sms.createdAt(), null, null, null, null);
        assertEquals("the template's", "boutique@example.fr",
                withEmail.completeWithoutFiles(withEmail.render(mail, Optional.of(event)), Purpose.TRANSACTIONAL).replyTo());
        assertEquals("the rule's over the template's", "atelier@example.fr", withEmail.completeWithoutFiles(
                withEmail.render(mail, Optional.of(event), "atelier@example.fr"), Purpose.TRANSACTIONAL).replyTo());
        assertNull(withEmail.completeWithoutFiles(withEmail.render(sms, Optional.of(event), "atelier@example.fr"),
                Purpose.TRANSACTIONAL).replyTo());
    }

    @Test
    public void theRecipientsNameIsFoundHoweverTheHostWroteTheNumber() {
        BusinessEvent national = InMemoryQueue.event("e-2", Map.of("contact_information",
                Map.of("name", "Тарас", "phone", "067 123 45 67")));
        assertEquals("Тарас", MessagePreparer.recipientName(national, "+380671234567"));
        assertEquals("Тарас", MessagePreparer.recipientName(InMemoryQueue.event("e-3", Map.of("contact_information",
                Map.of("name", "Тарас", "phone", "+380 (67) 123-45-67"))), "+380671234567"));
        assertNull("another number is another person",
                MessagePreparer.recipientName(national, "+380501234567"));
    }

    @Test
    public void whatCannotBePreparedSaysWhy() {
        assertEquals("its event 'e-1' is missing",
                assertThrows(MessagePreparer.Unpreparable.class, () -> preparer.render(sms, Optional.empty()))
                        .getMessage());
        Communication gone = new Communication("c-2", "e-1", sms.entity(), null, "deleted", null, Medium.SMS, null,
                sms.recipient(), "uk", sms.status(), null, 0, null, sms.createdAt(), null, null, null, null);
        assertEquals("template 'deleted' no longer exists",
                assertThrows(MessagePreparer.Unpreparable.class, () -> preparer.render(gone, Optional.of(event)))
                        .getMessage());
        engine.body = data -> null;
        assertEquals("cannot render: text: is missing",
                assertThrows(MessagePreparer.Unpreparable.class, () -> preparer.render(sms, Optional.of(event)))
                        .getMessage());
    }

    @Test
    public void anErrorWhileRenderingFailsThatMessageInsteadOfEscaping() {
        engine.body = data -> {
            throw new StackOverflowError();
        };
        assertEquals("cannot render: StackOverflowError (the template or its data is too large or nested too deeply)",
                assertThrows(MessagePreparer.Unpreparable.class, () -> preparer.render(sms, Optional.of(event)))
                        .getMessage());
        engine.body = data -> {
            throw new OutOfMemoryError("Java heap space");
        };
        assertThrows(MessagePreparer.Unpreparable.class, () -> preparer.render(sms, Optional.of(event)));
    }
}
