package io.tidings.rest.resource;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateService;
import io.tidings.api.template.TemplateValidity;
import io.tidings.rest.fixture.InMemoryTemplates;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.tags.billing.AccountsReceivableTags;
import io.tidings.tags.billing.PaymentTags;
import io.tidings.template.velocity.VelocityTemplateEngine;

/** {@code /tags} and template validity over the real template engine and billing tags. */
public class TagApiTest {

    private final Services services = new Services();
    private final TidingsApi api = new TidingsApi(services);
    private final VelocityTemplateEngine engine = new VelocityTemplateEngine();
    private final PaymentTags payments = new PaymentTags();

    /** Stores in memory, validates and renders with the real engine. */
    private final class EngineTemplates implements TemplateService {
        private final InMemoryTemplates stored = new InMemoryTemplates();

        @Override
        public List<Template> templates() {
            return stored.templates();
        }

        @Override
        public Optional<Template> template(String key) {
            return stored.template(key);
        }

        @Override
        public Optional<Template> template(String key, int version) {
            return stored.template(key, version);
        }

        @Override
        public Template save(Template template) {
            engine.validate(template);
            return stored.save(template);
        }

        @Override
        public boolean delete(String key) {
            return stored.delete(key);
        }

        @Override
        public TemplateValidity validity(Template template) {
            return TemplateValidity.of(engine.problems(template));
        }

        @Override
        public RenderedMessage preview(String key, String language, Map<String, Object> data) {
            return engine.render(template(key).orElseThrow(), language, data);
        }
    }

    @Before
    public void bind() {
        engine.addTagProvider(new AccountsReceivableTags());
        engine.addTagProvider(payments);
        services.setTags(engine);
        services.setTemplates(new EngineTemplates());
        services.setAudit(new io.tidings.rest.fixture.InMemoryAudit());
    }

    private JsonNode call(String method, String path, String body, int status) {
        ApiResponse response = api.handle(new ApiRequest(method, path, Map.of(),
                body == null ? null : "application/json; charset=UTF-8",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "karaf", Set.of("tidings-admin")));
        assertEquals(String.valueOf(response.body()), status, response.status());
        return JsonCodec.parse("application/json", JsonCodec.write(response.body()));
    }

    @Test
    public void listsEveryProvidedEntityWithFieldsAndRelations() {
        JsonNode tags = call("GET", "/tags", null, 200);
        assertEquals(2, tags.size());
        JsonNode payment = call("GET", "/tags/payment", null, 200);
        assertEquals("Payment received on an accounts receivable", payment.get("description").textValue());
        assertEquals("accounts_receivable", payment.get("relations").get("accounts_receivable").textValue());
        JsonNode amount = payment.get("fields").get(1);
        assertEquals("amount", amount.get("name").textValue());
        assertEquals("MONEY", amount.get("type").textValue());
        assertEquals("#payment.amount", amount.get("tag").textValue());
        assertFalse(amount.get("description").textValue().isBlank());
        call("GET", "/tags/loyalty_card", null, 404);
    }

    @Test
    public void aTemplateWhoseTagsWentAwayIsListedInvalidWithTheMissingTags() {
        call("POST", "/templates", """
                {"key":"paid","name":"Paid","medium":"SMS","defaultLanguage":"en",
                 "contents":{"en":{"text":"Payment #payment.number received.\\nBalance #payment.accounts_receivable.balance"}}}
                """, 201);
        assertTrue(call("GET", "/templates/paid", null, 200).get("valid").booleanValue());

        engine.removeTagProvider(payments);

        JsonNode template = call("GET", "/templates", null, 200).get(0);
        assertFalse(template.get("valid").booleanValue());
        JsonNode problems = template.get("problems");
        assertEquals(2, problems.size());
        assertEquals("contents.en.text", problems.get(0).get("field").textValue());
        assertEquals(1, problems.get(0).get("line").intValue());
        assertEquals(9, problems.get(0).get("column").intValue());
        assertTrue(problems.get(0).get("message").textValue().startsWith("unknown tag #payment.number"));
        assertEquals(2, problems.get(1).get("line").intValue());
        assertFalse(call("GET", "/templates/paid", null, 200).get("valid").booleanValue());

        engine.addTagProvider(payments);
        assertTrue(call("GET", "/templates/paid", null, 200).get("valid").booleanValue());
    }

    @Test
    public void anSmsPreviewShowsEncodingCharactersAndParts() {
        call("POST", "/templates", """
                {"key":"paid","name":"Paid","medium":"SMS","defaultLanguage":"en",
                 "contents":{"en":{"text":"Payment #payment.number: #payment.amount €"}}}
                """, 201);
        JsonNode preview = call("POST", "/templates/paid/preview",
                "{\"language\":\"en\",\"data\":{\"payment\":{\"number\":\"P-1\",\"amount\":5}}}", 200);
        assertEquals("Payment P-1: 5.00 €", preview.get("text").textValue());
        assertEquals("GSM-7", preview.get("encoding").textValue());
        assertEquals(20, preview.get("characters").intValue());
        assertEquals(1, preview.get("parts").intValue());
    }
}
