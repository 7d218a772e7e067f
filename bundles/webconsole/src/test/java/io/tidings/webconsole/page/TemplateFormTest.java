package io.tidings.webconsole.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateAttachment;
import io.tidings.api.template.TemplateContent;

public class TemplateFormTest {

    private static final TemplateAttachment LOGO = new TemplateAttachment("logo.png", "https://cdn.example.com/logo.png",
            null, "image/png", true, "logo");

    private static Template stored() {
        Map<String, TemplateContent> contents = new LinkedHashMap<>();
        contents.put("uk", new TemplateContent("Замовлення #order.number готове", "<p>Шановний(а) #contact_information.name,</p>", null));
        contents.put("da", new TemplateContent("Din ordre #order.number er klar", "<p>Kære #contact_information.name</p>", null));
        return new Template("order-ready", "Order ready", Medium.EMAIL, "uk", contents, 3, List.of(LOGO));
    }

    private static View form(String... namesAndValues) {
        Map<String, String[]> parameters = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.merge(namesAndValues[i], new String[] { namesAndValues[i + 1] }, (a, b) -> {
                String[] both = java.util.Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, both, a.length, b.length);
                return both;
            });
        }
        return new View("/system/console/tidings", parameters, null, null);
    }

    @Test
    public void theSubmittedFormIsTheTemplateWithItsKeyMediumAndFilesKept() {
        Template read = TemplateForm.read(form("name", " Замовлення готове ", "defaultLanguage", "uk",
                "language", "uk", "contents.uk.subject", "Ваше замовлення #order.number готове",
                "contents.uk.html", "<p>Шановний(а) #contact_information.name,</p>\r\n<p>$#order.total</p>",
                "contents.uk.text", "  ",
                "language", "da", "contents.da.subject", "", "contents.da.html", "",
                "language", "fr", "contents.fr.subject", "Votre commande est prête", "contents.fr.html", "<p>Bonjour !</p>"),
                stored(), 3);
        assertEquals("order-ready", read.key());
        assertEquals(Medium.EMAIL, read.medium());
        assertEquals("Замовлення готове", read.name());
        assertEquals(3, read.version());
        assertEquals(List.of(LOGO), read.attachments());
        assertEquals("a language emptied is removed, an added one kept, in the form's order", List.of("uk", "fr"),
                List.copyOf(read.contents().keySet()));
        TemplateContent uk = read.contents().get("uk");
        assertEquals("<p>Шановний(а) #contact_information.name,</p>\n<p>$#order.total</p>", uk.html());
        assertNull("a blank part is absent", uk.text());
        assertEquals("Votre commande est prête", read.contents().get("fr").subject());
    }

    @Test
    public void anSmsFormCarriesOnlyTexts() {
        Template sms = new Template("order-ready-sms", "SMS", Medium.SMS, "uk",
                Map.of("uk", new TemplateContent(null, null, "Замовлення готове")), 1);
        Template read = TemplateForm.read(form("language", "uk", "contents.uk.text", "Замовлення #order.number готове",
                "contents.uk.subject", "ignored", "defaultLanguage", "uk"), sms, 1);
        assertEquals(new TemplateContent(null, null, "Замовлення #order.number готове"), read.contents().get("uk"));
        String fields = TemplateForm.fields(sms, List.of("uk"), null, null).toString();
        assertTrue(fields, fields.contains("name='contents.uk.text'"));
        assertFalse(fields, fields.contains("contents.uk.subject"));
    }

    @Test
    public void theFieldsShowTheTextEscapedAndTheFieldAtFault() {
        Template template = stored();
        String fields = TemplateForm.fields(template, List.of("uk", "da", "fr"), "contents.da.html",
                "Not saved: contents.da.html (line 1, column 4): Encountered <EOF>").toString();
        assertTrue(fields, fields.contains("<textarea id='contents.uk.html' name='contents.uk.html' rows='8' class='' "
                + "spellcheck='false'>\n&lt;p&gt;Шановний(а) #contact_information.name,&lt;/p&gt;</textarea>"));
        assertTrue(fields, fields.contains("name='contents.da.html' rows='8' class='tidings-invalid'"));
        assertTrue(fields, fields.contains("<p class='tidings-error' role='alert'>Not saved: contents.da.html "
                + "(line 1, column 4): Encountered &lt;EOF&gt;</p>"));
        assertTrue("an added language has empty fields", fields.contains("<legend>fr</legend>"));
        assertTrue(fields, fields.contains("name='contents.fr.subject' rows='1' class='' spellcheck='false'>\n</textarea>"));
    }

    @Test
    public void theFileRowsAddReplaceAndRemoveFilesInOneSave() {
        TemplateAttachment bill = new TemplateAttachment("Рахунок.pdf", null, "bill.pdf", "application/pdf", false, null);
        Template withTwo = new Template("order-ready", "Order ready", Medium.EMAIL, "uk", stored().contents(), 3,
                List.of(LOGO, bill));
        String rows = TemplateForm.fields(withTwo, List.of("uk"), null, null).toString();
        assertTrue(rows, rows.contains("<input type='hidden' name='files' value='1'>"));
        assertTrue(rows, rows.contains("name='attachments[0].url' value='https://cdn.example.com/logo.png'"));
        assertTrue(rows, rows.contains("name='attachments[1].field' value='bill.pdf'"));
        assertTrue(rows, rows.contains("name='attachments[0].inline' value='true' checked"));
        assertTrue(rows, rows.contains("name='attachments[1].remove'"));
        // a third, empty row adds a file; it has nothing to remove
        assertTrue(rows, rows.contains("name='attachments[2].filename' value=''"));
        assertFalse(rows, rows.contains("name='attachments[2].remove'"));

        // the logo removed, the bill's source replaced by a URL, a new file added in the empty row
        View posted = form("name", "Order ready", "defaultLanguage", "uk", "language", "uk",
                "contents.uk.html", "<p>#contact_information.name</p>", "files", "1",
                "attachments[0].filename", "logo.png", "attachments[0].url", "https://cdn.example.com/logo.png",
                "attachments[0].contentType", "image/png", "attachments[0].inline", "true",
                "attachments[0].contentId", "logo", "attachments[0].remove", "true",
                "attachments[1].filename", "Рахунок.pdf", "attachments[1].url", "https://files.example.com/bill.pdf",
                "attachments[1].field", "", "attachments[1].contentType", "application/pdf",
                "attachments[2].filename", "Умови.pdf", "attachments[2].field", "terms.pdf");
        Template read = TemplateForm.read(posted, withTwo, 3);
        assertEquals(List.of(new TemplateAttachment("Рахунок.pdf", "https://files.example.com/bill.pdf", null,
                "application/pdf", false, null), new TemplateAttachment("Умови.pdf", null, "terms.pdf", null, false, null)),
                read.attachments());
        // the engine names the second file attachments[1]: on the form that is row 2 (row 0 was removed)
        assertEquals("attachments[2].field", TemplateFiles.formField(posted, "attachments[1].field"));
        assertEquals("attachments[1]", TemplateFiles.formField(posted, "attachments[0]"));
        assertEquals("contents.uk.html", TemplateFiles.formField(posted, "contents.uk.html"));
    }

    @Test
    public void anSmsFormHasNoFileRowsAndKeepsTheStoredFiles() {
        Template sms = new Template("sms", "Sms", Medium.SMS, "uk", Map.of("uk", new TemplateContent(null, null, "Hi")), 1,
                List.of(LOGO));
        assertFalse(TemplateForm.fields(sms, List.of("uk"), null, null).toString().contains("attachments["));
        assertEquals(List.of(LOGO), TemplateForm.read(form("name", "Sms", "defaultLanguage", "uk", "language", "uk",
                "contents.uk.text", "Hi"), sms, 1).attachments());
    }
}
