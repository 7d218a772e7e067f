package io.tidings.template.velocity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tidings.api.ContentKind;
import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.channel.ChannelDirectory;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;

/** Templates of the WEBHOOK medium (a JSON payload) and of media that channels declare. */
public class MediaTemplatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final VelocityTemplateEngine engine = TestTagProviders.engineWithAll();

    private static Template webhook(String payload) {
        return new Template("order-hook", "Order hook", Medium.WEBHOOK, "en",
                Map.of("en", new TemplateContent(null, null, payload)), 1);
    }

    @Test
    public void aPayloadRendersValidJsonWhateverTheValues() throws Exception {
        Template template = webhook("{\"bill\": \"#bill.number\",\n \"name\": \"#contact_information.name\"}");
        engine.validate(template);
        RenderedMessage rendered = engine.render(template, "en", Map.of("bill", Map.of("number", "A-1"),
                "contact_information", Map.of("name", "Ann \"the\" \\ tester\nline two")));
        JsonNode payload = JSON.readTree(rendered.text());
        assertEquals("A-1", payload.get("bill").asText());
        assertEquals("Ann \"the\" \\ tester\nline two", payload.get("name").asText());
        assertNull("no SMS counter for a payload", rendered.sms());
    }

    @Test
    public void aPayloadThatIsNotJsonIsRefusedNamingTheLanguageAndLine() {
        Template broken = webhook("{\"bill\": \"#bill.number\",\n \"name\": #contact_information.name\n");
        try {
            engine.validate(broken);
            fail("accepted");
        } catch (ValidationException e) {
            assertEquals("contents.en.text", e.field());
            assertTrue(e.getMessage(), e.line() >= 2 && e.reason().contains("valid JSON"));
        }
        assertEquals("contents.en.text", engine.problems(broken).get(0).field());
        assertEquals("contents.en.text", field(webhook("{} {}")));
        assertEquals("contents.en.subject", field(new Template("h", "H", Medium.WEBHOOK, "en",
                Map.of("en", new TemplateContent("a subject", null, "{}")), 0)));
    }

    @Test
    public void aDeclaredMediumTakesTheKindItsChannelDeclares() throws Exception {
        Medium push = Medium.of("PUSH");
        Template text = new Template("push", "Push", push, "en",
                Map.of("en", new TemplateContent(null, null, "Order #bill.number is ready")), 1);
        // no channel declares PUSH: a text, as an undeclared medium is
        engine.validate(text);
        assertEquals("Order 7 is ready", engine.render(text, "en", Map.of("bill", Map.of("number", "7"))).text());
        assertEquals("contents.en.html", field(new Template("push", "Push", push, "en",
                Map.of("en", new TemplateContent(null, "<p>x</p>", "x")), 0)));

        engine.media = new ChannelDirectory() {
            @Override
            public List<ChannelSummary> channels() {
                return List.of(new ChannelSummary("push-a", List.of("PUSH"), 0, ChannelState.AVAILABLE));
            }

            @Override
            public ContentKind kind(Medium medium) {
                return medium.equals(push) ? ContentKind.STRUCTURED : ContentKind.TEXT;
            }
        };
        assertEquals("contents.en.text", field(text));
        Template structured = new Template("push", "Push", push, "en",
                Map.of("en", new TemplateContent(null, null, "{\"title\": \"#bill.number\"}")), 1);
        assertEquals("7\"", JSON.readTree(engine.render(structured, "en", Map.of("bill", Map.of("number", "7\"")))
                .text()).get("title").asText());
    }

    @Test
    public void aTextMediumKeepsItsChannelsLengthRule() {
        Medium push = Medium.of("PUSH");
        Template text = new Template("push", "Push", push, "en",
                Map.of("en", new TemplateContent(null, null, "Bill #bill.number is ready")), 1);
        engine.media = new ChannelDirectory() {
            @Override
            public List<ChannelSummary> channels() {
                return List.of(new ChannelSummary("push-a", List.of("PUSH"), 0, ChannelState.AVAILABLE));
            }

            @Override
            public java.util.OptionalInt maxLength(Medium medium) {
                return medium.equals(push) ? java.util.OptionalInt.of(20) : java.util.OptionalInt.empty();
            }
        };
        assertEquals("Bill 7 is ready", engine.render(text, "en", Map.of("bill", Map.of("number", "7"))).text());
        try {
            engine.render(text, "en", Map.of("bill", Map.of("number", "2026-000123")));
            fail("rendered past the limit");
        } catch (ValidationException e) {
            assertEquals("contents.en.text", e.field());
            assertTrue(e.reason(), e.reason().contains("25 characters") && e.reason().contains("at most 20"));
        }
    }

    private String field(Template template) {
        try {
            engine.validate(template);
            fail("accepted");
            return null;
        } catch (ValidationException e) {
            return e.field();
        }
    }
}
