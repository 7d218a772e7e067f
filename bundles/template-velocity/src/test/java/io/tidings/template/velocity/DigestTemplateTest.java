package io.tidings.template.velocity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;

/** {@code #digest.items} and {@code #digest.count}: validated as tags, each item formatted as the event's data. */
public class DigestTemplateTest {

    private final VelocityTemplateEngine engine = TestTagProviders.engineWithAll();

    private static Template digest(String text) {
        return new Template("bill-digest", "Regninger", Medium.EMAIL, "da",
                Map.of("da", new TemplateContent("#digest.count nye regninger", null, text)), 1);
    }

    private static Map<String, Object> bill(String number, String amount) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contact_information", Map.of("name", "Søren Ærbø"));
        data.put("payment", Map.of("number", number, "amount", amount));
        return data;
    }

    private static Map<String, Object> digestData(List<Map<String, Object>> items) {
        Map<String, Object> data = new LinkedHashMap<>(items.get(0));
        data.put("digest", Map.of("items", new ArrayList<>(items), "count", items.size()));
        return data;
    }

    @Test
    public void rendersEveryItemWithItsFieldsFormattedAndTheCount() {
        Template template = digest("Kære #contact_information.name\n"
                + "#foreach($item in #digest.items)- $item.payment.number: $item.payment.amount kr.\n#end\n"
                + "I alt #digest.count betalinger.");
        engine.validate(template);
        RenderedMessage m = engine.render(template, "da", digestData(List.of(bill("B-1", "1200.5"), bill("B-2", "99"))));
        assertEquals("2 nye regninger", m.subject());
        assertEquals("Kære Søren Ærbø\n- B-1: 1.200,50 kr.\n- B-2: 99,00 kr.\nI alt 2 betalinger.", m.text());
    }

    @Test
    public void refusesAnUnknownDigestValueNamingIt() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> engine.validate(digest("#foreach($item in #digest.entries)$item#end")));
        assertEquals("contents.da.text", e.field());
        assertTrue(e.getMessage(), e.getMessage().contains("#digest.entries"));
        assertTrue(e.getMessage(), e.getMessage().contains("#digest.items"));
    }

    @Test
    public void withoutADigestItsTagsRenderAsNothing() {
        Template template = digest("#foreach($item in #digest.items)- $item.payment.number\n#end[#digest.count]");
        assertEquals("[]", engine.render(template, "da", bill("B-1", "1")).text());
    }

    @Test
    public void aDigestIsNoEntityATagProviderCanClaim() {
        engine.addTagProvider(TestTagProviders.provider("digest", List.of(), Map.of()));
        RenderedMessage m = engine.render(digest("#digest.count"), "da", digestData(List.of(bill("B-1", "1"))));
        assertEquals("1", m.text());
    }
}
