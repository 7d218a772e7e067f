package io.tidings.template.velocity.crmcom;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.template.velocity.VelocityTemplateEngine;

/**
 * The manual's payment template with content in English, Danish, French and Ukrainian: the
 * contact's {@code preferred_language} chooses, amounts carry their currency in the language's
 * format, times are shown in the contact's zone.
 */
public class CrmComLanguagesTest {

    private final VelocityTemplateEngine engine = CrmComSample.engine();

    private static Template payment() {
        Map<String, TemplateContent> contents = new LinkedHashMap<>();
        contents.put("en", new TemplateContent("Payment #payment.number",
                "<p>Dear #contact_information.name</p><p>Your payment #payment.number of #payment.amount, received "
                        + "#payment.received_on, has been successfully processed.</p>", null));
        contents.put("da", new TemplateContent("Betaling #payment.number",
                "<p>Kære #contact_information.name</p><p>Din betaling #payment.number på #payment.amount, modtaget "
                        + "#payment.received_on, er behandlet.</p>", null));
        contents.put("fr", new TemplateContent("Paiement #payment.number",
                "<p>Cher·ère #contact_information.name</p><p>Votre paiement #payment.number de #payment.amount, reçu le "
                        + "#payment.received_on, a été traité.</p>", null));
        contents.put("uk", new TemplateContent("Платіж #payment.number",
                "<p>Шановний(а) #contact_information.name</p><p>Ваш платіж #payment.number на суму #payment.amount, "
                        + "отриманий #payment.received_on, успішно оброблено.</p>", null));
        return new Template("payment", "Payment processed", Medium.EMAIL, "en", contents, 2);
    }

    private RenderedMessage renderFor(String name, String language) {
        Map<String, Object> data = new LinkedHashMap<>(CrmComSample.data());
        data.put("contact_information", CrmComSample.contact(name, language));
        data.put("payment", Map.of("number", "PAY-9001", "amount", Map.of("amount", "1234.5", "currency", "EUR"),
                "received_on", "2026-09-30T11:15:00Z"));
        Template template = payment();
        engine.validate(template);
        return engine.render(template, language, data);
    }

    @Test
    public void english() {
        RenderedMessage m = renderFor("Andreas Georgiou", "en");
        assertEquals("en", m.language());
        assertEquals("Payment PAY-9001", m.subject());
        assertEquals("<p>Dear Andreas Georgiou</p><p>Your payment PAY-9001 of €1,234.50, received Sep 30, 2026, "
                + "2:15 PM, has been successfully processed.</p>", m.html());
    }

    @Test
    public void danishByPreferredLanguage() {
        RenderedMessage m = renderFor("Søren Ærbø", "da");
        assertEquals("da", m.language());
        assertNull(m.languageReason());
        assertEquals("Betaling PAY-9001", m.subject());
        assertEquals("Kære Søren Ærbø\n\nDin betaling PAY-9001 på 1.234,50 €, modtaget 30. sep. 2026 14.15, er "
                + "behandlet.", m.text());
    }

    @Test
    public void frenchByPreferredLanguage() {
        RenderedMessage m = renderFor("Amélie Dubois", "fr");
        assertEquals("fr", m.language());
        assertEquals("<p>Cher·ère Amélie Dubois</p><p>Votre paiement PAY-9001 de 1\u202f234,50\u00a0€, reçu le "
                + "30 sept. 2026 14:15, a été traité.</p>", m.html());
    }

    @Test
    public void ukrainianByPreferredLanguage() {
        RenderedMessage m = renderFor("Олена Коваленко", "uk");
        assertEquals("uk", m.language());
        assertEquals("Платіж PAY-9001", m.subject());
        assertEquals("<p>Шановний(а) Олена Коваленко</p><p>Ваш платіж PAY-9001 на суму 1\u00a0234,50\u00a0EUR, "
                + "отриманий 30 вер. 2026 р., 14:15, успішно оброблено.</p>", m.html());
    }

    @Test
    public void aLanguageWithoutContentFallsBackToTheDefaultWithTheReason() {
        RenderedMessage m = renderFor("Hans Müller", "de");
        assertEquals("en", m.language());
        assertEquals("preferred language 'de' has no content; default 'en'", m.languageReason());
    }
}
