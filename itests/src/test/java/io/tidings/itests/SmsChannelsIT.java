package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jsmpp.util.DeliveryReceiptState;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.api.channel.Channel;
import io.tidings.testing.smsc.TestSmsc;

/**
 * SMS channels in a stock Karaf with the features installed as an operator would: SMPP gateways
 * against SMPP servers running in the container (jsmpp's server side), hot deployment with
 * messages queued, failover between gateways, a configuration change without restart, and a
 * partner's channel installed at runtime. The devbox is off, so a medium without a channel waits.
 */
public class SmsChannelsIT extends TidingsTestSupport {

    private static final String PHONE = "+380671234567";
    private static TestSmsc smscA;
    private static TestSmsc smscB;

    @Override
    protected String[] features() {
        return new String[] {"tidings", "tidings-channel-devbox", "tidings-channel-smpp"};
    }

    @Before
    public void gatewayA() throws Exception {
        if (smscA == null) {
            smscA = new TestSmsc();
            smscA.receipts = DeliveryReceiptState.DELIVRD;
        }
        setDevbox(false);
        smppConfig("a", smscA.port(), 20, 100);
        await().atMost(Duration.ofSeconds(60)).until(() -> channel("devbox") == null);
        await().atMost(Duration.ofSeconds(60)).until(() -> available("smpp-a"));
        awaitApi();
        Api.Response template = api().put("/templates/sms-ready", Api.json("{'key':'sms-ready','name':'SMS ready',"
                + "'medium':'SMS','defaultLanguage':'en','contents':{"
                + "'en':{'text':'Order #order.number is ready.'},"
                + "'uk':{'text':'Ваше замовлення #order.number готове. Чекаємо на вас!'}}}"));
        assertTrue(template.raw(), template.status() == 200 || template.status() == 201);
        Api.Response rule = api().put("/rules/sms-ready", Api.json("{'key':'sms-ready','name':'SMS ready',"
                + "'event':'order.sms_ready','templates':['sms-ready'],'recipients':['contact_information'],"
                + "'purpose':'TRANSACTIONAL','enabled':true}"));
        assertTrue(rule.raw(), rule.status() == 200 || rule.status() == 201);
    }

    @Test
    public void aUkrainianSmsArrivesAsUcs2AndIsDelivered() throws Exception {
        String order = unique("U");
        String id = post(order, "uk");
        TestSmsc.Received got = awaitArrival(smscA, order);
        assertEquals(0x08, got.dataCoding());
        assertEquals("Ваше замовлення " + order + " готове. Чекаємо на вас!", got.text());
        assertEquals("380671234567", got.destination());
        // the SMSC's receipt moves it on
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            Api.Response c = api().get("/communications/" + id);
            assertEquals(c.raw(), "DELIVERED", c.body().get("status").asText());
        });
        JsonNode communication = api().get("/communications/" + id).body();
        assertEquals("smpp-a", communication.get("channel").asText());
        assertEquals(got.messageId(), communication.get("providerMessageId").asText());
    }

    @Test
    public void aThrottledLongLatinSmsIsRetriedAndArrivesAsTwoGsmParts() throws Exception {
        Api.Response template = api().put("/templates/sms-long", Api.json("{'key':'sms-long','name':'SMS long',"
                + "'medium':'SMS','defaultLanguage':'en','contents':{'en':{'text':'Order #order.number: "
                + "your repaired device is ready for pickup at our Main Street workshop. ".repeat(4).trim() + "'}}}"));
        assertTrue(template.raw(), template.status() == 200 || template.status() == 201);
        Api.Response rule = api().put("/rules/sms-long", Api.json("{'key':'sms-long','name':'SMS long',"
                + "'event':'order.sms_long','templates':['sms-long'],'recipients':['contact_information'],"
                + "'purpose':'TRANSACTIONAL','enabled':true}"));
        assertTrue(rule.raw(), rule.status() == 200 || rule.status() == 201);
        String order = unique("L");
        smscA.throttleNext.set(1);
        Api.Response posted = api().post("/events", Api.json("{'id':'" + unique("evt") + "','type':'order.sms_long',"
                + "'occurredAt':'2026-11-23T09:15:00+02:00','entity':{'type':'order','id':'" + order + "'},"
                + "'data':{'order':{'number':'" + order + "'},'contact_information':{'name':'Ann',"
                + "'phone':'" + PHONE + "','preferred_language':'en','consent':{'sms':true}}}}"));
        assertEquals(posted.raw(), 202, posted.status());
        String id = posted.body().get("communications").get(0).asText();
        awaitStatus(id, Duration.ofSeconds(60), "SENT", "DELIVERED");
        JsonNode sent = api().get("/communications/" + id).body();
        assertEquals("the throttled attempt counts", 2, sent.get("attempts").asInt());
        String text = sent.get("body").asText();
        assertTrue(text.length() > 160 && text.length() <= 306);
        // the parts: UDH 05 00 03 ref 02 n, then GSM 03.38 septets (ASCII codes for this text)
        List<TestSmsc.Received> parts = new ArrayList<>();
        for (TestSmsc.Received r : smscA.received) {
            if ((r.esmClass() & 0x40) != 0 && r.shortMessage().length > 6) {
                parts.add(r);
            }
        }
        StringBuilder reassembled = new StringBuilder();
        int reference = -1;
        for (int n = 1; n <= 2; n++) {
            for (TestSmsc.Received r : parts) {
                byte[] sm = r.shortMessage();
                String chunk = new String(sm, 6, sm.length - 6, StandardCharsets.ISO_8859_1);
                if (sm[4] == 2 && sm[5] == n && (n == 2 ? sm[3] == reference : chunk.contains(order))) {
                    assertEquals(0x00, r.dataCoding());
                    reference = sm[3];
                    reassembled.append(chunk);
                }
            }
        }
        assertEquals(text, reassembled.toString());
    }

    @Test
    public void aStopReplyOptsThePhoneOutOfMarketingOnly() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> smscA.boundSessions() > 0);
        String hook = "sms-" + System.nanoTime();
        WebhookEndpoint host = new WebhookEndpoint(0, 0);
        host.register(api(), hook, "sms-secret", "sms.reply");
        smscA.reply("380501112233", "Stop ");
        smscA.reply("380507778899", "СТОП");
        smscA.reply("380509990011", "Дякую, отримала");
        try {
            // every reply reaches the host's webhook, without its text
            await().atMost(Duration.ofSeconds(30)).until(() -> host.data("sms.reply").size() >= 3);
            Map<String, Boolean> stops = new HashMap<>();
            host.data("sms.reply").forEach(d -> stops.put(d.get("from").asText(), d.get("stop").asBoolean()));
            assertEquals(Map.of("+380501112233", true, "+380507778899", true, "+380509990011", false), stops);
            assertTrue(host.data("sms.reply").stream().allMatch(d -> d.get("channel").asText().startsWith("smpp")));
            assertTrue(host.received.stream().noneMatch(r -> r.text().contains("Дякую") || r.text().contains("СТОП")));
        } finally {
            api().delete("/webhooks/" + hook);
            host.close();
        }
        for (String phone : List.of("%2B380501112233", "%2B380507778899")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode purposes = api().get("/consent?address=" + phone).body().get("purposes");
                assertEquals(purposes.toString(), "OPTED_OUT", purposes.get("MARKETING").asText());
                assertEquals("OPTED_OUT", purposes.get("AFFILIATE_MARKETING").asText());
                assertEquals("transactional messages still go", "NONE", purposes.get("TRANSACTIONAL").asText());
            });
        }
    }

    @Test
    public void stoppingAndStartingTheSmppBundleLosesNothing() throws Exception {
        Bundle smpp = bundle("io.tidings.channel.smpp");
        List<String> orders = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            // some in flight: the SMSC drops its connections, then the bundle stops mid-run
            for (int i = 0; i < 6; i++) {
                String order = unique("S" + i);
                orders.add(order);
                ids.add(post(order, "en"));
            }
            smscA.dropConnections();
            smpp.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> channel("smpp-a") == null);
            // and some queued while no channel serves SMS
            for (int i = 6; i < 10; i++) {
                String order = unique("S" + i);
                orders.add(order);
                ids.add(post(order, "en"));
            }
            String last = ids.get(ids.size() - 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode c = api().get("/communications/" + last).body();
                return "QUEUED".equals(c.get("status").asText()) && "no channel".equals(c.get("statusReason").asText());
            });
            smpp.start();
        } finally {
            if (smpp.getState() != Bundle.ACTIVE) {
                smpp.start();
            }
        }
        for (String id : ids) {
            awaitStatus(id, Duration.ofSeconds(90), "SENT", "DELIVERED");
        }
        for (String order : orders) {
            awaitArrival(smscA, order);
        }
    }

    @Test
    public void aSecondGatewayTakesOverWhileTheFirstIsDown() throws Exception {
        smscB = new TestSmsc();
        smppConfig("b", smscB.port(), 10, 100);
        int portA = smscA.port();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> available("smpp-b"));
            smscA.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> !available("smpp-a"));
            String order = unique("F");
            String id = post(order, "en");
            TestSmsc.Received got = awaitArrival(smscB, order);
            assertEquals(0x00, got.dataCoding());
            assertEquals("Order " + order + " is ready.", got.text());
            awaitStatus(id, Duration.ofSeconds(30), "SENT");
            assertEquals("smpp-b", api().get("/communications/" + id).body().get("channel").asText());
        } finally {
            smscA = new TestSmsc(portA);
            smscA.receipts = DeliveryReceiptState.DELIVRD;
            configurationAdmin.getFactoryConfiguration("io.tidings.channel.smpp", "b", "?").delete();
            smscB.close();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> available("smpp-a"));
    }

    @Test
    public void anSmsWaitingForItsGatewayCostsNoAttemptAndGoesOutAsSoonAsTheSessionBinds() throws Exception {
        int portA = smscA.port();
        smscA.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> !available("smpp-a"));
        String order = unique("W");
        String id = post(order, "en");
        try {
            // the channel is there but cannot bind: the message waits, spending no attempt
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode c = api().get("/communications/" + id).body();
                return "QUEUED".equals(c.get("status").asText())
                        && c.get("statusReason").asText().startsWith("no channel available (smpp-a: ");
            });
            assertEquals(0, api().get("/communications/" + id).body().get("attempts").asInt());
        } finally {
            smscA = new TestSmsc(portA);
            smscA.receipts = DeliveryReceiptState.DELIVRD;
        }
        // the session binds again (reconnecting at most every second here): what waited goes out at once
        await().atMost(Duration.ofSeconds(10)).until(() -> arrival(smscA, order) != null);
        awaitStatus(id, Duration.ofSeconds(10), "SENT", "DELIVERED");
    }

    @Test
    public void aNewMaxTpsAppliesWithoutRestart() throws Exception {
        ServiceReference<Channel> before = channel("smpp-a");
        int binds = smscA.binds.get();
        smppConfig("a", smscA.port(), 20, 2);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> state("smpp-a").contains("at most 2 submit_sm/s"));
            List<String> orders = new ArrayList<>();
            int arrived = smscA.received.size();
            for (int i = 0; i < 6; i++) {
                String order = unique("T" + i);
                orders.add(order);
                post(order, "en");
            }
            for (String order : orders) {
                awaitArrival(smscA, order);
            }
            List<TestSmsc.Received> run = smscA.received.subList(arrived, smscA.received.size());
            long[] times = run.stream().mapToLong(TestSmsc.Received::arrivedNanos).sorted().toArray();
            for (int i = 0; i < times.length; i++) {
                int count = 0;
                for (int k = i; k < times.length && times[k] - times[i] < TimeUnit.SECONDS.toNanos(1); k++) {
                    count++;
                }
                assertTrue("at most 2 submit_sm per second, saw " + count, count <= 2);
            }
            // the same channel service and session: nothing restarted or rebound
            assertEquals(before.getProperty(Constants.SERVICE_ID), channel("smpp-a").getProperty(Constants.SERVICE_ID));
            assertEquals(binds, smscA.binds.get());
        } finally {
            smppConfig("a", smscA.port(), 20, 100);
        }
    }

    @Test
    public void aPartnerChannelInstalledAtRuntimeSendsWhatWaited() throws Exception {
        Path file = Files.createTempFile("tidings-example", ".jsonl");
        org.osgi.service.cm.Configuration example = configurationAdmin
                .getFactoryConfiguration("io.tidings.channel.example", "itest", "?");
        // the only SMS gateway goes away with its configuration (installing a feature would restart a stopped bundle)
        configurationAdmin.getFactoryConfiguration("io.tidings.channel.smpp", "a", "?").delete();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> channel("smpp-a") == null);
            String order = unique("X");
            String id = post(order, "en");
            await().atMost(Duration.ofSeconds(30)).until(() -> "no channel".equals(
                    api().get("/communications/" + id).body().get("statusReason").asText()));

            Hashtable<String, Object> props = new Hashtable<>();
            props.put("file", file.toString());
            props.put("channel.name", "example-itest");
            // the example declares PUSH of its own; here it stands in for an SMS gateway
            props.put("channel.medium", new String[] {"SMS"});
            example.update(props);
            installFeature("tidings-channel-example");
            await().atMost(Duration.ofSeconds(60)).until(() -> available("example-itest"));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Api.Response c = api().get("/communications/" + id);
                assertEquals(c.raw(), "SENT", c.body().get("status").asText());
            });
            assertEquals("example-itest", api().get("/communications/" + id).body().get("channel").asText());
            String written = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(written, written.contains("\"text\":\"Order " + order + " is ready.\""));
            assertTrue(written, written.contains("\"recipient\":\"" + PHONE + "\""));
        } finally {
            uninstallFeature("tidings-channel-example");
            example.delete();
        }
    }

    @Test
    public void anHttpGatewaySendsAndItsDeliveryReportIsRecorded() throws Exception {
        // the gateway: a servlet on Karaf's own HTTP service answering as CM's JSON API does
        List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.osgi.framework.ServiceRegistration<javax.servlet.Servlet> gateway = serve("/fake-gateway/*", (req, resp) -> {
                    String body = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    bodies.add(body);
                    resp.setContentType("application/json");
                    resp.getWriter().write("{\"details\":\"Created 1 message(s)\",\"errorCode\":0,\"messages\":[{"
                            + "\"status\":\"Accepted\",\"reference\":\"" + body.replaceAll(".*\"reference\":\"([^\"]+)\".*", "$1")
                            + "\",\"parts\":1,\"messageErrorCode\":0}]}");
                });
        org.osgi.service.cm.Configuration http = configurationAdmin
                .getFactoryConfiguration("io.tidings.channel.httpsms", "itest", "?");
        configurationAdmin.getFactoryConfiguration("io.tidings.channel.smpp", "a", "?").delete();
        try {
            installFeature("tidings-channel-http-sms");
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("url", httpUrl("/fake-gateway/message"));
            props.put("token", "product-token");
            props.put("sender", "Tidings");
            props.put("callbackToken", CALLBACK_TOKEN);
            http.update(props);
            await().atMost(Duration.ofSeconds(60)).until(() -> channel("smpp-a") == null && available("httpsms-itest"));

            String order = unique("H");
            String id = post(order, "uk");
            awaitStatus(id, Duration.ofSeconds(60), "SENT");
            assertTrue(bodies.toString(), bodies.stream().anyMatch(b -> b.contains("Ваше замовлення " + order + " готове")
                    && b.contains("\"number\":\"00380671234567\"") && b.contains("\"producttoken\":\"product-token\"")));
            JsonNode sent = api().get("/communications/" + id).body();
            assertEquals("httpsms-itest", sent.get("channel").asText());
            assertEquals(id, sent.get("providerMessageId").asText());

            String path = "/callbacks/httpsms/httpsms-itest";
            Api anonymous = api(null, null);
            assertEquals(401, anonymous.withHeader("X-Tidings-Token", "wrong-token-of-enough-length")
                    .get(path + "?reference=" + id + "&status=2").status());
            assertEquals("the token in the query string is not taken", 401,
                    anonymous.get(path + "?token=" + CALLBACK_TOKEN + "&reference=" + id + "&status=2").status());
            Api callbacks = anonymous.withHeader("X-Tidings-Token", CALLBACK_TOKEN);
            assertEquals(404, callbacks.get(path + "?reference=unknown&status=2").status());
            Api.Response report = callbacks.post(path,
                    Api.json("{'messages':{'msg':{'reference':'" + id + "','status':{'code':'2'}}}}"));
            assertEquals(report.raw(), 200, report.status());
            assertEquals("DELIVERED", status(id));
        } finally {
            gateway.unregister();
            http.delete();
            uninstallFeature("tidings-channel-http-sms");
        }
    }

    // ---- helpers

    /** The HTTP gateway's callback token: at least 24 characters, sent in a header. */
    private static final String CALLBACK_TOKEN = "cb-secret-of-twenty-four-chars";

    private void smppConfig(String alias, int port, int priority, int maxTps) throws Exception {
        org.osgi.service.cm.Configuration config = configurationAdmin
                .getFactoryConfiguration("io.tidings.channel.smpp", alias, "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("host", "127.0.0.1");
        props.put("port", port);
        props.put("systemId", "tidings");
        props.put("password", "secret");
        props.put("sourceAddress", "Tidings");
        props.put("maxTps", maxTps);
        props.put("window", 4);
        props.put("reconnectInitialMillis", 200);
        props.put("reconnectMaxMillis", 1000);
        props.put("channel.priority", priority);
        if (config.getProperties() == null || !props.get("maxTps").equals(config.getProperties().get("maxTps"))
                || !props.get("port").equals(config.getProperties().get("port"))) {
            config.update(props);
        }
    }

    private String post(String order, String language) {
        Api.Response posted = api().post("/events", Api.json("{'id':'" + unique("evt") + "','type':'order.sms_ready',"
                + "'occurredAt':'2026-11-23T09:15:00+02:00','entity':{'type':'order','id':'" + order + "'},"
                + "'data':{'order':{'number':'" + order + "'},'contact_information':{'name':'Тарас Шевченко',"
                + "'phone':'" + PHONE + "','preferred_language':'" + language + "','consent':{'sms':true}}}}"));
        assertEquals(posted.raw(), 202, posted.status());
        return posted.body().get("communications").get(0).asText();
    }

    private static TestSmsc.Received awaitArrival(TestSmsc smsc, String order) {
        await().atMost(Duration.ofSeconds(90)).until(() -> arrival(smsc, order) != null);
        return arrival(smsc, order);
    }

    private static TestSmsc.Received arrival(TestSmsc smsc, String order) {
        return smsc.received.stream().filter(r -> r.text().contains(order)).findFirst().orElse(null);
    }
}
