package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Webhooks to the host in Karaf: a real HTTP endpoint in the test receives signed deliveries of
 * status changes, refuses the first two attempts of each and accepts the third; an endpoint that is
 * not there leaves its deliveries FAILED until a redrive queues them again.
 */
public class WebhooksIT extends TidingsTestSupport {

    private static final String SECRET = "whsec-Ærø-секрет";

    @Override
    protected String[] features() {
        return new String[] {"tidings", "tidings-channel-devbox", "tidings-webconsole"};
    }

    private WebhookEndpoint endpoint;

    @Before
    public void fastRetriesAndTheDevbox() throws Exception {
        Hashtable<String, Object> config = new Hashtable<>();
        config.put("retryInitialSeconds", 1);
        config.put("retryMaxSeconds", 2);
        config.put("maxAgeSeconds", 6);
        config.put("timeoutSeconds", 2);
        config.put("pollMillis", 200);
        configurationAdmin.getConfiguration("io.tidings.webhooks", "?").update(config);
        setDevbox(true);
        awaitApi();
    }

    @After
    public void stopEndpoint() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    public void aStatusChangeIsDeliveredSignedAndRetriedUnderOneDeliveryId() throws Exception {
        endpoint = new WebhookEndpoint(0, 2);
        String key = unique("crm");
        Api.Response created = api().post("/webhooks", Api.json("{'key':'" + key + "','url':'" + endpoint.url()
                + "','secret':'" + SECRET + "','events':['communication.status']}"));
        assertEquals(created.raw(), 201, created.status());
        assertEquals("set", created.body().get("secret").asText());
        assertFalse("the secret is never shown", created.raw().contains(SECRET));
        assertEquals("communication.status", created.body().get("events").get(0).asText());

        String id = api().sendThroughNewRule(key, "order.webhook_it", "{'key':'" + key + "','name':'Ready',"
                + "'medium':'EMAIL','defaultLanguage':'uk','contents':{'uk':{'subject':'Замовлення #order.number готове',"
                + "'text':'Шановна #contact_information.name, ваше замовлення готове.'}}}", "{'id':'" + unique("e")
                + "','type':'order.webhook_it','occurredAt':'2026-12-07T10:00:00+02:00','entity':{'type':'order',"
                + "'id':'4711'},'data':{'order':{'number':'4711'},'contact_information':{'name':'Олена',"
                + "'email':'olena@example.com','preferred_language':'uk','consent':{'email':true}}}}");

        String sent = await().atMost(Duration.ofSeconds(60)).until(() -> deliveryOf(id, "SENT"),
                d -> d != null && tries(d).size() >= 3);
        List<WebhookEndpoint.Received> tries = tries(sent);
        assertEquals("two refusals, then accepted", 3, tries.size());
        for (WebhookEndpoint.Received attempt : tries) {
            assertEquals("the signature verifies over the raw body", WebhookEndpoint.signature(attempt.body(), SECRET),
                    attempt.signature());
            assertArrayEquals("the same bytes on every attempt", tries.get(0).body(), attempt.body());
        }
        JsonNode body = tries.get(0).json();
        assertEquals(sent, body.get("delivery").asText());
        assertEquals("communication.status", body.get("event").asText());
        assertFalse(body.get("at").asText().isEmpty());
        JsonNode data = body.get("data");
        assertEquals(id, data.get("id").asText());
        assertEquals("SENT", data.get("status").asText());
        assertEquals("EMAIL", data.get("medium").asText());
        assertEquals(key, data.get("rule").asText());
        assertEquals(key, data.get("template").asText());
        assertEquals("4711", data.get("entityId").asText());
        assertFalse("a channel sent it", data.get("channel").asText().isEmpty());
        String text = tries.get(0).text();
        assertFalse("no body, subject or address", text.contains("Олена") || text.contains("olena@example.com")
                || text.contains("готове"));

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryStatus(key, sent), "DELIVERED"::equals);
        JsonNode listed = find(api().get("/webhooks/" + key + "/deliveries?status=DELIVERED").body(), sent);
        assertEquals(3, listed.get("attempts").asInt());
        assertTrue(listed.get("nextAttemptAt").isNull());
        assertEquals(409, api().post("/webhooks/" + key + "/deliveries/" + sent + "/redrive", "").status());
        assertEquals(204, api().delete("/webhooks/" + key).status());
    }

    @Test
    public void anEndpointThatIsNotThereFailsVisiblyAndARedriveDeliversItLater() throws Exception {
        int port = freePort();
        String key = unique("gone");
        assertEquals(201, api().post("/webhooks", Api.json("{'key':'" + key + "','url':'http://127.0.0.1:" + port
                + "/hooks','secret':'" + SECRET + "','events':['communication.status','link.response']}")).status());
        String id = api().sendThroughNewRule(key, "order.webhook_gone", "{'key':'" + key + "','name':'Klar',"
                + "'medium':'EMAIL','defaultLanguage':'da','contents':{'da':{'subject':'Ordre #order.number er klar',"
                + "'text':'Kære #contact_information.name'}}}", "{'id':'" + unique("e") + "','type':'order.webhook_gone',"
                + "'occurredAt':'2026-12-07T10:00:00+01:00','entity':{'type':'order','id':'77'},'data':{'order':"
                + "{'number':'77'},'contact_information':{'name':'Søren','email':'soren@example.dk','consent':{'email':true}}}}");
        assertFalse(id.isEmpty());

        JsonNode failed = await().atMost(Duration.ofSeconds(60)).until(
                () -> api().get("/webhooks/" + key + "/deliveries?status=FAILED").body(), list -> list.size() > 0).get(0);
        assertTrue(failed.toString(), failed.get("attempts").asInt() >= 2);
        assertFalse(failed.get("lastError").asText().isEmpty());
        String delivery = failed.get("id").asText();
        String listing = executeCommand("tidings:webhook-deliveries --status FAILED " + key);
        assertTrue(listing, listing.contains(delivery) && listing.contains("FAILED"));

        endpoint = new WebhookEndpoint(port, 2);
        endpoint.acceptNext(delivery);
        Api.Response redriven = api().post("/webhooks/" + key + "/deliveries/" + delivery + "/redrive", "");
        assertEquals(redriven.raw(), 200, redriven.status());
        assertEquals("PENDING", redriven.body().get("status").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryStatus(key, delivery), "DELIVERED"::equals);
        assertTrue("posted again under its same id", endpoint.received.stream().anyMatch(r -> delivery.equals(r.delivery())));
        assertTrue(api().get("/audit?limit=20").raw().contains("redriven"));
        Exception again = assertThrows(Exception.class,
                () -> executeCommand("tidings:webhook-redrive " + key + " " + delivery));
        assertTrue(again.toString(), again.getMessage().contains("only a FAILED delivery can be redriven"));
    }

    @Test
    public void aRegistrationIsRefusedWithTheFieldAtFaultAndOnlyAdministratorsSeeWebhooks() throws Exception {
        assertRefused("{'key':'','url':'http://127.0.0.1:1/h','secret':'s','events':['sms.reply']}", "key");
        assertRefused("{'key':'bad-url','url':'ftp://crm.example.com/h','secret':'s','events':['sms.reply']}", "url");
        assertRefused("{'key':'bad-event','url':'http://127.0.0.1:1/h','secret':'s','events':['sms.sent']}", "events[0]");
        assertRefused("{'key':'no-secret','url':'http://127.0.0.1:1/h','events':['sms.reply']}", "secret");
        assertEquals(403, api("viewer", "viewer").get("/webhooks").status());

        String key = unique("shell");
        String added = executeCommand("tidings:webhook-save --event sms.reply --event link.response --secret s3 " + key
                + " http://127.0.0.1:1/hooks");
        assertTrue(added, added.contains(key) && added.contains("sms.reply"));
        String listed = executeCommand("tidings:webhooks");
        assertTrue(listed, listed.contains(key) && listed.contains("http://127.0.0.1:1/hooks") && !listed.contains("s3 "));
        Api.Response changed = api().put("/webhooks/" + key, Api.json("{'url':'https://crm.example.com/in',"
                + "'events':['communication.status']}"));
        assertEquals(changed.raw(), 200, changed.status());
        assertEquals("set", changed.body().get("secret").asText());
        assertTrue(executeCommand("tidings:webhook-delete " + key).contains("deleted"));
        assertEquals(404, api().get("/webhooks/" + key).status());
    }

    @Test
    public void anAdministratorRegistersRedrivesAndDeletesInTheConsole() throws Exception {
        String failing = unique("closed");
        assertEquals(201, api().post("/webhooks", Api.json("{'key':'" + failing + "','url':'http://127.0.0.1:"
                + freePort() + "/hooks','secret':'" + SECRET + "','events':['communication.status']}")).status());
        api().sendThroughNewRule(failing, "order.webhook_console", "{'key':'" + failing + "','name':'Prête',"
                + "'medium':'EMAIL','defaultLanguage':'fr','contents':{'fr':{'subject':'Commande #order.number prête',"
                + "'text':'Bonjour #contact_information.name'}}}", "{'id':'" + unique("e") + "','type':'order.webhook_console',"
                + "'occurredAt':'2026-12-07T10:00:00+01:00','entity':{'type':'order','id':'88'},'data':{'order':"
                + "{'number':'88'},'contact_information':{'name':'Chloé','email':'chloe@example.fr','consent':{'email':true}}}}");
        await().atMost(Duration.ofSeconds(60)).until(
                () -> api().get("/webhooks/" + failing + "/deliveries?status=FAILED").body().size() > 0);

        String fresh = unique("console");
        BrowserScript.Result browser = BrowserScript.run("webhooks.mjs", Map.of(
                "TIDINGS_CONSOLE", "http://127.0.0.1:" + httpPort() + "/system/console/tidings",
                "TIDINGS_USER", "karaf", "TIDINGS_PASSWORD", "karaf", "TIDINGS_FAILING_WEBHOOK", failing,
                "TIDINGS_NEW_WEBHOOK", fresh, "TIDINGS_SCREENSHOTS", BrowserScript.screenshots()));
        assertEquals(browser.output(), 0, browser.exitCode());
        for (String check : new String[] {"ok: a webhook is registered with the form and its secret is not shown",
            "ok: the FAILED delivery", "ok: a webhook is deleted once the deletion is confirmed"}) {
            assertTrue(browser.output(), browser.output().contains(check));
        }
        assertEquals(404, api().get("/webhooks/" + fresh).status());
        String audit = api().get("/audit?limit=50").raw();
        assertTrue(audit, audit.contains("\"redriven\"") && audit.contains(fresh));
    }

    private void assertRefused(String registration, String field) {
        Api.Response refused = api().post("/webhooks", Api.json(registration));
        assertEquals(refused.raw(), 400, refused.status());
        assertEquals(refused.raw(), field, refused.body().get("field").asText());
    }

    /** The delivery id of the status change of a communication to the given status, as the endpoint received it. */
    private String deliveryOf(String communication, String status) {
        for (WebhookEndpoint.Received r : endpoint.received) {
            JsonNode data = r.json().get("data");
            if (communication.equals(data.path("id").asText()) && status.equals(data.path("status").asText())) {
                return r.delivery();
            }
        }
        return null;
    }

    private List<WebhookEndpoint.Received> tries(String delivery) {
        return endpoint.received.stream().filter(r -> delivery.equals(r.delivery())).toList();
    }

    private String deliveryStatus(String key, String delivery) {
        JsonNode found = find(api().get("/webhooks/" + key + "/deliveries?limit=500").body(), delivery);
        return found == null ? null : found.get("status").asText();
    }

    private static JsonNode find(JsonNode deliveries, String id) {
        for (JsonNode d : deliveries) {
            if (id.equals(d.get("id").asText())) {
                return d;
            }
        }
        return null;
    }
}
