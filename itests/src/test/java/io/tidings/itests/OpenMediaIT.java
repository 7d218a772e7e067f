package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Media beyond EMAIL and SMS in a stock Karaf: a partner's channel bundle declaring a medium of its
 * own (the example channel, PUSH) installed at runtime, a template and a rule for it, the message
 * delivered through it, the bundle uninstalled and the next message waiting; and the built-in
 * WEBHOOK medium delivered by the webhook channel to an HTTP server in the test, signed.
 */
public class OpenMediaIT extends TidingsTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected String[] features() {
        return new String[] {"tidings"};
    }

    @Before
    public void ready() {
        awaitApi();
    }

    private void saveTemplate(String key, String medium, String text) {
        ObjectNode template = JSON.createObjectNode().put("key", key).put("name", key).put("medium", medium)
                .put("defaultLanguage", "en");
        template.putObject("contents").putObject("en").put("text", text);
        Api.Response saved = api().put("/templates/" + key, template.toString());
        assertTrue(saved.raw(), saved.status() == 200 || saved.status() == 201);
    }

    private void saveRule(String key, String event, String template) {
        Api.Response rule = api().put("/rules/" + key, Api.json("{'key':'" + key + "','name':'" + key + "','event':'"
                + event + "','templates':['" + template + "'],'recipients':['contact_information'],"
                + "'purpose':'TRANSACTIONAL','enabled':true}"));
        assertTrue(rule.raw(), rule.status() == 200 || rule.status() == 201);
    }

    /** An event whose contact has an address and consent for the medium ({@code push}, {@code webhook}). */
    private String post(String type, String order, String field, String address) throws Exception {
        ObjectNode event = JSON.createObjectNode().put("id", unique("evt")).put("type", type)
                .put("occurredAt", "2026-11-23T09:15:00+02:00");
        event.putObject("entity").put("type", "order").put("id", order);
        ObjectNode data = event.putObject("data");
        data.putObject("order").put("number", order);
        ObjectNode contact = data.putObject("contact_information").put("name", "Ann \"Annie\" O'Brien")
                .put(field, address).put("preferred_language", "en");
        contact.putObject("consent").put(field, true);
        Api.Response posted = api().post("/events", event.toString());
        assertEquals(posted.raw(), 202, posted.status());
        return posted.body().get("communications").get(0).asText();
    }

    @Test
    public void aPartnerMediumIsDeliveredWhileItsBundleIsInstalledAndWaitsAfter() throws Exception {
        Path file = Files.createTempFile("tidings-push", ".jsonl");
        org.osgi.service.cm.Configuration example = configurationAdmin
                .getFactoryConfiguration("io.tidings.channel.example", "push", "?");
        try {
            // a template and a rule for a medium no bundle declares yet: accepted, the bundle may come later
            saveTemplate("push-ready", "PUSH", "Order #order.number is ready, #contact_information.name.");
            saveRule("push-ready", "order.push_ready", "push-ready");

            Hashtable<String, Object> props = new Hashtable<>();
            props.put("file", file.toString());
            props.put("channel.name", "example-push");
            example.update(props);
            installFeature("tidings-channel-example");
            await().atMost(Duration.ofSeconds(60)).until(() -> available("example-push"));
            JsonNode media = api().get("/media").body();
            assertTrue(media.toString(), media.toString().contains("\"medium\":\"PUSH\",\"content\":\"TEXT\""));

            String order = unique("P");
            String sent = post("order.push_ready", order, "push", "device-token-7");
            awaitStatus(sent, Duration.ofSeconds(60), "SENT");
            JsonNode communication = api().get("/communications/" + sent).body();
            assertEquals("example-push", communication.get("channel").asText());
            assertEquals("PUSH", communication.get("medium").asText());
            String written = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(written, written.contains("\"medium\":\"PUSH\"") && written.contains("\"recipient\":\"device-token-7\"")
                    && written.contains("Order " + order + " is ready"));

            uninstallFeature("tidings-channel-example");
            await().atMost(Duration.ofSeconds(60)).until(() -> channel("example-push") == null);
            String next = post("order.push_ready", unique("P"), "push", "device-token-7");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode c = api().get("/communications/" + next).body();
                assertEquals(c.toString(), "QUEUED", c.get("status").asText());
                assertEquals(c.toString(), "no channel for PUSH", c.get("statusReason").asText());
            });
        } finally {
            if (featuresService.isInstalled(featuresService.getFeature("tidings-channel-example"))) {
                uninstallFeature("tidings-channel-example");
            }
            example.delete();
        }
    }

    @Test
    public void theWebhookChannelPostsTheSignedPayload() throws Exception {
        String secret = "itest-webhook-channel-secret";
        org.osgi.service.cm.Configuration webhook = configurationAdmin
                .getFactoryConfiguration("io.tidings.channel.webhook", "itest", "?");
        try (WebhookEndpoint endpoint = new WebhookEndpoint(0, 0)) {
            saveTemplate("order-hook", "WEBHOOK",
                    "{\"event\": \"order.ready\",\n \"order\": \"#order.number\",\n \"name\": \"#contact_information.name\"}");
            // a payload that is not JSON is refused when saved, naming the part and line
            ObjectNode broken = JSON.createObjectNode().put("key", "broken-hook").put("name", "broken")
                    .put("medium", "WEBHOOK").put("defaultLanguage", "en");
            broken.putObject("contents").putObject("en").put("text", "{\"order\": #order.number,\n}");
            Api.Response refused = api().put("/templates/broken-hook", broken.toString());
            assertEquals(refused.raw(), 400, refused.status());
            assertTrue(refused.raw(), refused.raw().contains("contents.en.text") && refused.raw().contains("JSON"));
            saveRule("order-hook", "order.hook_ready", "order-hook");

            installFeature("tidings-channel-webhook");
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("url", endpoint.url());
            props.put("secret", secret);
            props.put("allowInternalAddresses", true);
            webhook.update(props);
            await().atMost(Duration.ofSeconds(60)).until(() -> available("webhook-itest"));
            assertEquals("the secret is no service property", null, channel("webhook-itest").getProperty("secret"));

            String order = unique("H");
            String id = post("order.hook_ready", order, "webhook", "crm-contact-7");
            awaitStatus(id, Duration.ofSeconds(60), "SENT");
            assertEquals("webhook-itest", api().get("/communications/" + id).body().get("channel").asText());
            assertEquals(1, endpoint.received.size());
            WebhookEndpoint.Received got = endpoint.received.get(0);
            assertEquals(id, got.delivery());
            assertEquals(WebhookEndpoint.signature(got.body(), secret), got.signature());
            JsonNode payload = got.json();
            assertEquals("order.ready", payload.get("event").asText());
            assertEquals(order, payload.get("order").asText());
            assertEquals("Ann \"Annie\" O'Brien", payload.get("name").asText());
        } finally {
            webhook.delete();
            uninstallFeature("tidings-channel-webhook");
        }
    }
}
