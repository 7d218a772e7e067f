package io.tidings.template.velocity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;

public class TemplateRenderingTest {

    private final VelocityTemplateEngine engine = TestTagProviders.engineWithAll();

    /** The payment confirmation of the CRM.COM manual, in four languages. */
    private static Template paymentConfirmation() {
        Map<String, TemplateContent> contents = new LinkedHashMap<>();
        contents.put("en", new TemplateContent("Payment #payment.number received",
                null,
                "Dear #contact_information.name\n\nWe would like to inform you that your payment, with payment number: "
                        + "#payment.number for $#payment.amount has been successfully processed.\n\nYour current balance is: "
                        + "#payment.accounts_receivable.balance and your outstanding amount is:"
                        + "#payment.accounts_receivable.outstanding_amount"));
        contents.put("uk", new TemplateContent("Платіж #payment.number отримано",
                "<p>Шановний(а) #contact_information.name!</p><p>Ваш платіж №#payment.number на суму "
                        + "#payment.amount&nbsp;грн успішно оброблено.</p><p>Поточний баланс: "
                        + "#payment.accounts_receivable.balance</p>",
                null));
        contents.put("da", new TemplateContent("Betaling #payment.number modtaget", null,
                "Kære #contact_information.name\nDin betaling på #payment.amount kr. er modtaget. Saldo: "
                        + "#payment.accounts_receivable.balance kr. Venlig hilsen, Ærø Øl & Å-strøm"));
        contents.put("fr", new TemplateContent("Paiement #payment.number reçu", null,
                "Cher·ère #contact_information.name, votre paiement de #payment.amount € a été traité. "
                        + "Solde débiteur : #payment.accounts_receivable.outstanding_amount €."));
        return new Template("payment_confirmation", "Payment confirmation", Medium.EMAIL, "en", contents, 3);
    }

    private static Map<String, Object> paymentData(String name) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contact_information", Map.of("name", name));
        data.put("payment", Map.of("number", "PAY-0042", "amount", "1234567.5",
                "accounts_receivable", Map.of("balance", 250, "outstanding_amount", "99.9")));
        return data;
    }

    @Test
    public void rendersEnglishWithNestedTagsLiteralDollarAndSentencePeriod() {
        RenderedMessage m = engine.render(paymentConfirmation(), "en", paymentData("John Smith"));
        assertEquals("en", m.language());
        assertNull(m.languageReason());
        assertEquals(3, m.templateVersion());
        assertEquals("Payment PAY-0042 received", m.subject());
        assertNull(m.html());
        assertEquals("Dear John Smith\n\nWe would like to inform you that your payment, with payment number: PAY-0042 "
                + "for $1,234,567.50 has been successfully processed.\n\nYour current balance is: 250.00 and your "
                + "outstanding amount is:99.90", m.text());
    }

    @Test
    public void rendersUkrainianHtmlAndGeneratesItsText() {
        RenderedMessage m = engine.render(paymentConfirmation(), "uk", paymentData("Олена Коваленко"));
        assertEquals("uk", m.language());
        assertEquals("Платіж PAY-0042 отримано", m.subject());
        assertEquals("<p>Шановний(а) Олена Коваленко!</p><p>Ваш платіж №PAY-0042 на суму 1\u00a0234\u00a0567,50&nbsp;грн "
                + "успішно оброблено.</p><p>Поточний баланс: 250,00</p>", m.html());
        assertEquals("Шановний(а) Олена Коваленко!\n\nВаш платіж №PAY-0042 на суму 1 234 567,50 грн успішно оброблено.\n\n"
                + "Поточний баланс: 250,00", m.text());
    }

    @Test
    public void rendersDanishWithItsLettersAndNumberFormat() {
        RenderedMessage m = engine.render(paymentConfirmation(), "da", paymentData("Søren Ærbø"));
        assertEquals("Kære Søren Ærbø\nDin betaling på 1.234.567,50 kr. er modtaget. Saldo: 250,00 kr. "
                + "Venlig hilsen, Ærø Øl & Å-strøm", m.text());
    }

    @Test
    public void rendersFrenchWithAccents() {
        RenderedMessage m = engine.render(paymentConfirmation(), "fr", paymentData("Hélène Dupré"));
        assertEquals("Paiement PAY-0042 reçu", m.subject());
        assertEquals("Cher·ère Hélène Dupré, votre paiement de 1\u202f234\u202f567,50 € a été traité. "
                + "Solde débiteur : 99,90 €.", m.text());
    }

    @Test
    public void fallsBackToTheDefaultLanguageAndSaysWhy() {
        RenderedMessage m = engine.render(paymentConfirmation(), "de", paymentData("Jörg"));
        assertEquals("en", m.language());
        assertEquals("preferred language 'de' has no content; default 'en'", m.languageReason());
        assertTrue(m.text().startsWith("Dear Jörg"));

        RenderedMessage none = engine.render(paymentConfirmation(), null, paymentData("Jörg"));
        assertEquals("en", none.language());
        assertEquals("no preferred language; default 'en'", none.languageReason());

        RenderedMessage regional = engine.render(paymentConfirmation(), "fr-CA", paymentData("Élise"));
        assertEquals("fr", regional.language());
        assertEquals("fr", engine.resolveLanguage(paymentConfirmation(), "fr-CA"));
    }

    @Test
    public void directivesWorkBetweenTags() {
        Template t = sms("Dear #contact_information.name,\n"
                + "#if($contact_information.segment == 'vip')Thank you for being a VIP.\n#else\nThanks.\n#end\n"
                + "Services of #subscription.number:#foreach($s in $subscription.services) $s#if($foreach.hasNext),#end#end.\n"
                + "#set($count = $subscription.services.size())You have $count services: #subscription.services.");
        Map<String, Object> data = Map.of(
                "contact_information", Map.of("name", "Ann", "segment", "vip"),
                "subscription", Map.of("number", "S-7", "services", List.of("TV", "Internet", "Phone")));
        assertEquals("Dear Ann,\nThank you for being a VIP.\nServices of S-7: TV, Internet, Phone.\n"
                + "You have 3 services: TV, Internet, Phone.", engine.render(t, "en", data).text());
    }

    @Test
    public void missingValuesRenderEmpty() {
        Template t = sms("[#contact_information.name][#bill.number][#payment.accounts_receivable.balance]");
        assertEquals("[][][]", engine.render(t, "en", Map.of("payment", Map.of("number", "P1"))).text());
    }

    @Test
    public void relatedEntitiesComeFromTheSnapshotThenTheEventDataThenTheProvider() {
        Template t = sms("#payment.accounts_receivable.number #payment.accounts_receivable.balance");
        assertEquals("AR-1 5.00", engine.render(t, "en", Map.of(
                "payment", Map.of("number", "P1", "accounts_receivable", Map.of("number", "AR-1", "balance", 5)))).text());
        assertEquals("AR-TOP 6.00", engine.render(t, "en", Map.of(
                "payment", Map.of("number", "P1"),
                "accounts_receivable", Map.of("number", "AR-TOP", "balance", "6"))).text());

        VelocityTemplateEngine own = new VelocityTemplateEngine();
        TestTagProviders.Payments payments = new TestTagProviders.Payments();
        own.addTagProvider(payments);
        own.addTagProvider(TestTagProviders.accountsReceivable());
        assertEquals("AR-FETCHED 10.50", own.render(t, "en", Map.of("payment", Map.of("number", "fetchable"))).text());
        assertEquals("fetched once for both tags", 1, payments.fetches.get());
    }

    @Test
    public void providerFormattingComesBeforeTheTypeDefault() {
        Template t = sms("#payment.reference");
        assertEquals("INV-9", engine.render(t, "en", Map.of("payment", Map.of("reference", "inv-9"))).text());
    }

    @Test
    public void datesAreShownInTheRecipientsZoneAndLocale() {
        String text = "Due #bill.due_date, issued #bill.issued_at";
        Template t = new Template("bill", "Bill", Medium.SMS, "en", Map.of(
                "en", new TemplateContent(null, null, text),
                "uk", new TemplateContent(null, null, text),
                "da", new TemplateContent(null, null, text)), 1);
        Map<String, Object> bill = Map.of("due_date", "2025-09-30", "issued_at", "2025-04-07T09:00:00Z");
        assertEquals("Due Sep 30, 2025, issued Apr 7, 2025, 9:00 AM",
                engine.render(t, "en", Map.of("bill", bill)).text());
        assertEquals("Due 30 вер. 2025 р., issued 7 квіт. 2025 р., 12:00",
                engine.render(t, "uk", Map.of("bill", bill,
                        "contact_information", Map.of("time_zone", "Europe/Kyiv"))).text());
        assertEquals("the value's own offset without a recipient zone", "Due 30. sep. 2025, issued 7. apr. 2025 11.00",
                engine.render(t, "da", Map.of("bill", Map.of("due_date", "2025-09-30",
                        "issued_at", "2025-04-07T11:00:00+02:00"))).text());
    }

    @Test
    public void valuesAreEscapedInHtmlButNotInTextOrSubject() {
        Template t = new Template("t", "T", Medium.EMAIL, "en", Map.of("en", new TemplateContent(
                "Hi #contact_information.name", "<p>Hi #contact_information.name</p>", "Hi #contact_information.name")), 1);
        RenderedMessage m = engine.render(t, "en",
                Map.of("contact_information", Map.of("name", "<script>alert('x')</script> & Co")));
        assertEquals("<p>Hi &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co</p>", m.html());
        assertEquals("Hi <script>alert('x')</script> & Co", m.text());
        assertEquals("Hi <script>alert('x')</script> & Co", m.subject());
    }

    @Test
    public void aSubjectStaysOneLine() {
        Template t = new Template("t", "T", Medium.EMAIL, "en", Map.of("en", new TemplateContent(
                "Order\n#contact_information.name", null, "x")), 1);
        assertEquals("Order Ann Bcc: x@example.com", engine.render(t, "en", Map.of(
                "contact_information", Map.of("name", "Ann\r\nBcc: x@example.com"))).subject());
    }

    @Test
    public void unrestrictedValuesComeFromTheUnrestrictedData() {
        Template t = sms("Your code is #unrestricted.one_time_code.");
        assertEquals("Your code is 4711.", engine.render(t, "en",
                Map.of("unrestricted", Map.of("one_time_code", "4711"))).text());
    }

    @Test
    public void parsedPartsAreCachedPerKeyVersionLanguageAndPart() {
        VelocityTemplateEngine own = TestTagProviders.engineWithAll();
        Template v3 = paymentConfirmation();
        own.render(v3, "en", paymentData("A"));
        own.render(v3, "en", paymentData("B"));
        assertEquals("subject and text of en", 2, own.cachedParts());
        own.render(v3, "uk", paymentData("C"));
        assertEquals(4, own.cachedParts());

        // same key and version, other text (an unsaved preview): the new text is used
        Template edited = new Template("payment_confirmation", "x", Medium.SMS, "en",
                Map.of("en", new TemplateContent(null, null, "Edited #payment.number")), 3);
        assertEquals("Edited PAY-0042", own.render(edited, "en", paymentData("D")).text());
    }

    private static Template sms(String text) {
        return new Template("sms", "SMS", Medium.SMS, "en", Map.of("en", new TemplateContent(null, null, text)), 1);
    }
}
