package io.tidings.template.velocity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.tag.TagProvider;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;

public class TemplateValidationTest {

    private final VelocityTemplateEngine engine = TestTagProviders.engineWithAll();

    @Test
    public void aTemplateOfTheReferenceDocumentsIsValid() {
        Map<String, TemplateContent> contents = new LinkedHashMap<>();
        contents.put("en", new TemplateContent("Service request #service_request.number",
                "<p>Dear #contact_information.name</p>\n<p>We would like to inform you that your Service Request related "
                        + "to #service_request.type, with number #service_request.number, has been successfully "
                        + "#service_request.status.</p>\n#if($unrestricted.note)<p>#unrestricted.note</p>#end",
                null));
        contents.put("uk", new TemplateContent("Звернення #service_request.number", null,
                "Шановний(а) #contact_information.name, статус звернення: #service_request.status."));
        engine.validate(new Template("sr", "Service request", Medium.EMAIL, "en", contents, 0));
        engine.validate(email("<style>#header.wide { color: #fff; }</style><div id=\"header\" class=\"wide\">#bill.number</div>"));
    }

    @Test
    public void requiredTemplateFields() {
        TemplateContent ok = new TemplateContent("s", null, "t");
        assertField("key", new Template(" ", "n", Medium.EMAIL, "en", Map.of("en", ok), 0));
        assertField("name", new Template("k", null, Medium.EMAIL, "en", Map.of("en", ok), 0));
        assertField("medium", new Template("k", "n", null, "en", Map.of("en", ok), 0));
        assertField("defaultLanguage", new Template("k", "n", Medium.EMAIL, null, Map.of("en", ok), 0));
        assertField("contents", new Template("k", "n", Medium.EMAIL, "en", Map.of(), 0));
        assertField("defaultLanguage", new Template("k", "n", Medium.EMAIL, "da", Map.of("en", ok), 0));
        assertField("contents.en.subject", new Template("k", "n", Medium.EMAIL, "en",
                Map.of("en", new TemplateContent(" ", null, "t")), 0));
        assertField("contents.en.html", new Template("k", "n", Medium.EMAIL, "en",
                Map.of("en", new TemplateContent("s", null, null)), 0));
        assertField("contents.uk.text", new Template("k", "n", Medium.SMS, "uk",
                Map.of("uk", new TemplateContent(null, null, "")), 0));
        assertField("contents.uk.subject", new Template("k", "n", Medium.SMS, "uk",
                Map.of("uk", new TemplateContent("s", null, "t")), 0));
        assertField("contents.uk.html", new Template("k", "n", Medium.SMS, "uk",
                Map.of("uk", new TemplateContent(null, "<p>x</p>", "t")), 0));
    }

    private static Template withFiles(Medium medium, String html, io.tidings.api.template.TemplateAttachment... files) {
        TemplateContent content = medium == Medium.SMS ? new TemplateContent(null, null, "Рахунок готовий")
                : new TemplateContent("Рахунок", html, "Рахунок готовий");
        return new Template("bill", "Bill", medium, "uk", Map.of("uk", content), 0, java.util.List.of(files));
    }

    private static io.tidings.api.template.TemplateAttachment file(String filename, String url, String field,
            String contentType, boolean inline, String contentId) {
        return new io.tidings.api.template.TemplateAttachment(filename, url, field, contentType, inline, contentId);
    }

    @Test
    public void attachmentsAndInlineImagesAreCheckedAndAnSmsRefusesThem() {
        engine.validate(withFiles(Medium.EMAIL, "<p>Рахунок</p><img src=\"cid:logo\">",
                file("Рахунок.pdf", null, "bill.pdf", "application/pdf", false, null),
                file("logo.png", "https://cdn.example.com/logo.png", null, "image/png", true, "logo")));

        assertField("attachments", withFiles(Medium.SMS, null, file("a.pdf", null, "bill.pdf", null, false, null)));
        assertField("attachments[0]", withFiles(Medium.EMAIL, null, file("a.pdf", null, null, null, false, null)));
        assertField("attachments[0]", withFiles(Medium.EMAIL, null,
                file("a.pdf", "https://x.example/a.pdf", "bill.pdf", null, false, null)));
        assertField("attachments[0].url", withFiles(Medium.EMAIL, null, file("a.pdf", "file:///etc/passwd", null, null,
                false, null)));
        assertField("attachments[0].url", withFiles(Medium.EMAIL, null, file("a.pdf", "https://bad host/a", null, null,
                false, null)));
        assertField("attachments[0].filename", withFiles(Medium.EMAIL, null,
                file(null, "https://x.example/a.pdf", null, null, false, null)));
        assertField("attachments[0].filename", withFiles(Medium.EMAIL, null,
                file("../../a.pdf", null, "bill.pdf", null, false, null)));
        assertField("attachments[0].field", withFiles(Medium.EMAIL, null, file("a.pdf", null, "bill..pdf", null, false, null)));
        assertField("attachments[0].contentType", withFiles(Medium.EMAIL, null,
                file("a.pdf", null, "bill.pdf", "pdf", false, null)));
        assertField("attachments[1].contentId", withFiles(Medium.EMAIL, "<img src=\"cid:logo\">",
                file("logo.png", null, "shop.logo", "image/png", true, "logo"),
                file("logo2.png", null, "shop.logo2", "image/png", true, "logo")));
        assertField("attachments[0].contentId", withFiles(Medium.EMAIL, null,
                file("logo.png", null, "shop.logo", "image/png", true, null)));
        assertField("attachments[0].contentType", withFiles(Medium.EMAIL, null,
                file("a.pdf", null, "bill.pdf", "application/pdf", true, "doc")));
        assertField("contents.uk.html", withFiles(Medium.EMAIL, "<img src=\"cid:missing\">",
                file("logo.png", null, "shop.logo", "image/png", true, "logo")));
    }

    @Test
    public void aVelocitySyntaxErrorNamesFieldLineAndColumn() {
        ValidationException e = invalid(email("<p>Dear #contact_information.name</p>\n<p>#if($x)\nunfinished</p>"));
        assertEquals("contents.uk.html", e.field());
        assertEquals(3, e.line());
        assertEquals("the end of the text", 15, e.column());
        assertTrue(e.getMessage(), e.reason().contains("#end"));

        ValidationException stray = invalid(email("ok\nbefore #end after"));
        assertEquals(2, stray.line());
        assertEquals(8, stray.column());
    }

    @Test
    public void syntaxErrorColumnsCountATabAsOneCharacter() {
        ValidationException e = invalid(email("line one\n\t\t#foreach($s)#end"));
        assertEquals(2, e.line());
        assertEquals("Velocity reports the arguments' opening parenthesis", 11, e.column());
    }

    @Test
    public void anUnknownTagNamesFieldLineAndColumn() {
        ValidationException e = invalid(email("<p>Dear #contact_information.name,</p>\n\t<p>#payment.accounts_receivable.colour</p>"));
        assertEquals("contents.uk.html", e.field());
        assertEquals(2, e.line());
        assertEquals(5, e.column());
        assertTrue(e.reason(), e.reason().startsWith("unknown tag #payment.accounts_receivable.colour: "));
        assertTrue(e.reason(), e.reason().contains("'accounts_receivable' has no field 'colour'"));

        ValidationException entity = invalid(email("x #invoice.number"));
        assertEquals(3, entity.column());
        assertTrue(entity.reason(), entity.reason().contains("'invoice'"));

        ValidationException leaf = invalid(email("#payment.accounts_receivable"));
        assertTrue(leaf.reason(), leaf.reason().contains("related entity"));

        ValidationException velocityStyle = invalid(email("#foreach($s in $subscription.channels)$s#end"));
        assertEquals(16, velocityStyle.column());
        assertTrue(velocityStyle.reason(), velocityStyle.reason().contains("#subscription.channels"));
    }

    @Test
    public void aTagRunningIntoAWordIsReported() {
        ValidationException e = invalid(email("Status: #service_request.status.Thank you"));
        assertEquals(9, e.column());
        assertTrue(e.reason(), e.reason().contains("#service_request.status.Thank"));
    }

    @Test
    public void onlyTheFirstProblemIsLocatedAndTheOthersCounted() {
        ValidationException e = invalid(email("#bill.colour #bill.size\n#bill.weight"));
        assertEquals(1, e.column());
        assertTrue(e.reason(), e.reason().endsWith("(and 2 more problems)"));
    }

    @Test
    public void includeParseAndEvaluateAreRefused() {
        for (String directive : new String[] {"#include('/etc/passwd')", "#parse('x.vm')", "#evaluate('$x')"}) {
            ValidationException e = invalid(email("ok\n  " + directive));
            assertEquals(directive, 2, e.line());
            assertEquals(directive, 3, e.column());
            assertTrue(e.reason(), e.reason().contains("not allowed"));
        }
    }

    @Test
    public void hotDeployedProvidersTakeEffectAtOnce() {
        Template template = email("Branch: #location.name");
        assertTrue(invalid(template).reason().contains("'location'"));

        TagProvider location = TestTagProviders.provider("location",
                java.util.List.of(new io.tidings.api.tag.FieldDescriptor("name", io.tidings.api.tag.FieldType.TEXT, "Name")),
                Map.of());
        engine.addTagProvider(location);
        engine.validate(template);

        engine.removeTagProvider(location);
        assertTrue(invalid(template).reason().contains("'location'"));
    }

    @Test
    public void aMissingUnrestrictedValueFailsTheRenderingByName() {
        Template template = email("Hello\n  your code: #unrestricted.one_time_code!");
        engine.validate(template);
        try {
            engine.render(template, "uk", Map.of("unrestricted", Map.of("other", "x")));
            fail("rendered without the value");
        } catch (ValidationException e) {
            assertEquals("contents.uk.html", e.field());
            assertTrue(e.reason(), e.reason().contains("#unrestricted.one_time_code"));
            assertEquals(2, e.line());
            assertEquals(14, e.column());
        }
        try {
            engine.render(template, "uk", Map.of());
            fail("rendered without any unrestricted values");
        } catch (ValidationException e) {
            assertTrue(e.reason(), e.reason().contains("#unrestricted.one_time_code"));
        }
        // testing for a value is not using it
        assertEquals("", engine.render(email("#if($unrestricted.note)#unrestricted.note#end"), "uk", Map.of()).html());
    }

    @Test
    public void aSyntaxErrorAtRenderTimeIsAValidationException() {
        try {
            engine.render(email("ok\n#end"), "uk", Map.of());
            fail();
        } catch (ValidationException e) {
            assertEquals("contents.uk.html", e.field());
            assertEquals(2, e.line());
            assertEquals(1, e.column());
        }
    }

    private ValidationException invalid(Template template) {
        try {
            engine.validate(template);
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("template was accepted");
    }

    private void assertField(String field, Template template) {
        assertEquals(field, invalid(template).field());
    }

    private static Template email(String html) {
        return new Template("k", "n", Medium.EMAIL, "uk", Map.of("uk", new TemplateContent("Subject", html, null)), 0);
    }
}
