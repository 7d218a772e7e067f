package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Hashtable;
import java.util.UUID;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An external system sends the SMS of a channel itself: it claims the rendered messages over REST,
 * acknowledges each, and what it does not acknowledge within its lease is offered again.
 */
public class ExternalQueueIT extends TidingsTestSupport {

    @Test
    public void aBodyAboveTheConfiguredLimitIsRefusedNamingTheSetting() throws Exception {
        org.osgi.service.cm.Configuration rest = configurationAdmin.getConfiguration("io.tidings.rest", "?");
        java.util.Hashtable<String, Object> limit = new java.util.Hashtable<>();
        limit.put("maxBodyMegabytes", 1);
        rest.update(limit);
        boolean restored = false;
        try {
            String big = "{\"id\":\"too-big\",\"note\":\"" + "x".repeat(1_200_000) + "\"}";
            await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
                Api.Response refused = Api.admin().post("/events", big);
                assertEquals(refused.raw(), 413, refused.status());
                assertTrue(refused.raw(), refused.raw().contains("maxBodyMegabytes"));
            });
            // the same request under the default of 16 MB is read, and refused for what it says
            rest.delete();
            restored = true;
            await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                    assertEquals(400, Api.admin().post("/events", big).status()));
        } finally {
            if (!restored) {
                rest.delete();
            }
        }
    }

    @Test
    public void anExternalSystemClaimsAcknowledgesAndGetsAgainWhatItLeftUnacknowledged() throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("channel.medium", new String[] {"SMS"});
        props.put("channel.priority", 10);
        configurationAdmin.getFactoryConfiguration("io.tidings.channel.external", "crm", "?").update(props);
        Api api = Api.admin();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/channels").raw().contains("external-crm"));
        Api.Response template = api.put("/templates/ext-sms", Api.json("{'key':'ext-sms','name':'SMS','medium':'SMS',"
                + "'defaultLanguage':'uk','contents':{'uk':{'text':'Замовлення #order.number готове'}}}"));
        assertTrue(template.raw(), template.status() == 201 || template.status() == 200);
        Api.Response rule = api.put("/rules/ext-sms", Api.json("{'key':'ext-sms','name':'SMS','event':'order.ext_ready',"
                + "'templates':['ext-sms'],'recipients':['contact_information']}"));
        assertTrue(rule.raw(), rule.status() == 201 || rule.status() == 200);

        String first = post(api, "E-1");
        String second = post(api, "E-2");
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(status(first)) && "SENT".equals(status(second)));
        assertEquals("external-crm", api.get("/communications/" + first).body().get("channel").asText());

        JsonNode claimed = api.post("/queue/external-crm/claim", Api.json("{'limit':10,'leaseSeconds':2}")).body();
        assertEquals(claimed.toString(), 2, claimed.size());
        assertEquals(first, claimed.get(0).get("id").asText());
        assertEquals("Замовлення E-1 готове", claimed.get(0).get("text").asText());
        assertEquals("+380671234567", claimed.get(0).get("recipient").asText());
        assertEquals("claimed messages are not offered twice within their lease", 0,
                api.post("/queue/external-crm/claim", "{}").body().size());

        Api.Response noReason = api.post("/queue/external-crm/" + first + "/ack", Api.json("{'outcome':'FAILED'}"));
        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.body().get("field").asText());
        assertEquals(204, api.post("/queue/external-crm/" + first + "/ack", Api.json("{'outcome':'DELIVERED'}")).status());
        assertEquals("DELIVERED", status(first));
        assertEquals(404, api.post("/queue/external-crm/" + first + "/ack", Api.json("{'outcome':'DELIVERED'}")).status());

        // the second was claimed but never acknowledged: after its lease it is offered again
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode again = api.post("/queue/external-crm/claim", "{}").body();
            return again.size() == 1 && second.equals(again.get(0).get("id").asText());
        });
        assertEquals(204, api.post("/queue/external-crm/" + second + "/ack",
                Api.json("{'outcome':'FAILED','reason':'number not reachable'}")).status());
        JsonNode failed = api.get("/communications/" + second).body();
        assertEquals("FAILED", failed.get("status").asText());
        assertEquals("external-crm: number not reachable", failed.get("statusReason").asText());

        Api.Response unknown = api.post("/queue/nope/claim", "{}");
        assertEquals(400, unknown.status());
        assertEquals("channel", unknown.body().get("field").asText());
    }

    private static String post(Api api, String order) {
        Api.Response posted = api.post("/events", Api.json("{'id':'" + UUID.randomUUID() + "','type':'order.ext_ready',"
                + "'occurredAt':'2026-11-23T10:00:00+02:00','entity':{'type':'order','id':'" + order + "'},'data':{"
                + "'order':{'number':'" + order + "'},'contact_information':{'name':'Олена','phone':'+380671234567',"
                + "'consent':{'sms':true}}}}"));
        assertEquals(posted.raw(), 202, posted.status());
        return posted.body().get("communications").get(0).asText();
    }
}
