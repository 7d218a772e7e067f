package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;

/** Templates and their versions. */
public class JdbcTemplatesTest extends RepositoryContract {

    @Test
    public void everyTemplateEditIsANewVersionAndOldVersionsStay() {
        Template v1 = new Template("order-ready", "Order ready", Medium.EMAIL, "en",
                Map.of("en", new TemplateContent("Ready #order.number", "<p>Hi</p>", null),
                        "uk", new TemplateContent("Готово #order.number", "<p>Вітаємо</p>", "Вітаємо")), 0);
        assertEquals(1, store.templates().saveTemplate(v1).version());
        Template v2 = store.templates().saveTemplate(new Template("order-ready", "Order is ready", Medium.EMAIL, "uk", v1.contents(), 0));
        assertEquals(2, v2.version());
        assertEquals(v2, store.templates().template("order-ready").orElseThrow());
        assertEquals("Order ready", store.templates().template("order-ready", 1).orElseThrow().name());
        assertEquals(v1.contents(), store.templates().template("order-ready", 1).orElseThrow().contents());
        assertEquals(List.of(v2), store.templates().templates());

        assertTrue(store.templates().deleteTemplate("order-ready"));
        assertTrue(store.templates().template("order-ready").isEmpty());
        assertTrue(store.templates().templates().isEmpty());
        assertTrue("versions stay for the record", store.templates().template("order-ready", 2).isPresent());
        assertFalse(store.templates().deleteTemplate("order-ready"));
        assertEquals(3, store.templates().saveTemplate(v1).version());
    }

    @Test
    public void aTemplatesAttachmentsRoundTrip() {
        var files = List.of(new io.tidings.api.template.TemplateAttachment("Рахунок №42.pdf", null, "bill.pdf",
                "application/pdf", false, null), new io.tidings.api.template.TemplateAttachment("logo.png",
                        "https://cdn.example.com/logo.png", null, "image/png", true, "logo"));
        Template saved = store.templates().saveTemplate(new Template("bill", "Bill", Medium.EMAIL, "uk",
                Map.of("uk", new TemplateContent("Рахунок", "<img src=\"cid:logo\">", null)), 0, files));
        assertEquals(files, store.templates().template("bill").orElseThrow().attachments());
        assertEquals(files, store.templates().template("bill", saved.version()).orElseThrow().attachments());
        Template plain = store.templates().saveTemplate(new Template("plain", "Plain", Medium.SMS, "uk",
                Map.of("uk", new TemplateContent(null, null, "Рахунок")), 0));
        assertTrue(store.templates().template(plain.key()).orElseThrow().attachments().isEmpty());
    }

    @Test
    public void aTemplatesReplyToRoundTripsWithEachVersion() {
        Template withReply = new Template("ordre-klar", "Ordre klar", Medium.EMAIL, "da",
                Map.of("da", new TemplateContent("Din ordre er klar", null, "Hej")), 0, List.of(), "kundeservice@butik.example.dk");
        Template v1 = store.templates().saveTemplate(withReply);
        assertEquals("kundeservice@butik.example.dk", store.templates().template("ordre-klar").orElseThrow().replyTo());
        store.templates().saveTemplate(new Template("ordre-klar", "Ordre klar", Medium.EMAIL, "da", v1.contents(), 0));
        assertEquals(null, store.templates().template("ordre-klar").orElseThrow().replyTo());
        assertEquals(v1, store.templates().template("ordre-klar", 1).orElseThrow());
    }

    /** V24: a medium is any name a channel declares, up to 32 characters. */
    @Test
    public void aTemplateOfAMediumAChannelDeclaresRoundTrips() {
        Medium longest = Medium.of("WHATSAPP_BUSINESS_ACCOUNT_2026_X");
        assertEquals(32, longest.name().length());
        store.templates().saveTemplate(new Template("wa", "WhatsApp", longest, "en",
                Map.of("en", new TemplateContent(null, null, "Order #order.number is ready")), 0));
        assertEquals(longest, store.templates().template("wa").orElseThrow().medium());
    }

    @Test
    public void eachVersionRecordsWhoSavedItAndWhen() {
        Template draft = new Template("pickup", "Pickup", Medium.SMS, "uk",
                Map.of("uk", new TemplateContent(null, null, "Готово")), 0);
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        store.templates().saveTemplate(draft);
        store.templates().saveTemplate(draft, "Олена Коваль");
        store.templates().saveTemplate(draft, "x".repeat(300));
        List<io.tidings.api.template.TemplateVersion> versions = store.templates().versions("pickup");
        assertEquals(List.of(1, 2, 3), versions.stream().map(io.tidings.api.template.TemplateVersion::version).toList());
        assertEquals(null, versions.get(0).savedBy());
        assertEquals("Олена Коваль", versions.get(1).savedBy());
        assertEquals("a long name is cut to the column", "x".repeat(JdbcTemplates.SAVED_BY_LENGTH),
                versions.get(2).savedBy());
        assertEquals("Pickup", versions.get(1).name());
        assertTrue(versions.get(1).savedAt().isAfter(before));
        assertTrue(store.templates().versions("no-such-template").isEmpty());
    }
}
