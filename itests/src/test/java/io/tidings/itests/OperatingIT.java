package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.internet.MimeMessage;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Operating Tidings in Karaf: pausing and resuming over REST, the shell and JMX stops and restarts
 * real sending (GreenMail), the operator's actions on single communications, the MBeans' numbers,
 * the EventAdmin events of each status change, and the Prometheus counters.
 */
public class OperatingIT extends TidingsTestSupport {

    private static final String CHANNEL = "smtp-ops";
    /** Rendering may write this much per message here, so that a long name fails a message. */
    private static final int RENDER_CAP = 2_000;
    /** What a Prometheus server sends instead of a login. */
    private static final String SCRAPE_TOKEN = "ops-scrape-token-0123456789abcdef";

    private static GreenMail smtp;
    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    @Override
    protected String[] features() {
        return new String[] {"tidings", "tidings-channel-smtp"};
    }

    @Override
    protected Option[] options() {
        return new Option[] {mavenBundle().groupId("com.icegreen").artifactId("greenmail")
                .version(System.getProperty("greenmail.version")),
                editConfigurationFilePut("etc/io.tidings.templates.cfg", "maxOutputCharacters", Integer.toString(RENDER_CAP)),
                editConfigurationFilePut("etc/io.tidings.rest.cfg", ".scrapeToken", SCRAPE_TOKEN)};
    }

    @Before
    public void smtpServerChannelAndRule() throws Exception {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        org.osgi.service.cm.Configuration config = configurationAdmin.getFactoryConfiguration("io.tidings.channel.smtp",
                "ops", "?");
        if (config.getProperties() == null) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("host", "127.0.0.1");
            props.put("port", smtp.getSmtp().getPort());
            props.put("from", "Tidings Test <noreply@tidings.test>");
            config.update(props);
        }
        await().until(() -> available(CHANNEL));
        awaitApi();
        Api.Response template = api().put("/templates/ops-ready", Api.json("{'key':'ops-ready','name':'Ready',"
                + "'medium':'EMAIL','defaultLanguage':'uk','contents':{'uk':{'subject':'Замовлення #order.number готове',"
                + "'text':'Вітаємо, #contact_information.name!'}}}"));
        assertTrue(template.raw(), template.status() == 200 || template.status() == 201);
        rule("ops-ready", "order.ops_ready", null);
        rule("ops-later", "order.ops_later", "P3650D");
    }

    private void rule(String key, String event, String delay) {
        Api.Response rule = api().put("/rules/" + key, Api.json("{'key':'" + key + "','name':'" + key + "','event':'"
                + event + "','templates':['ops-ready'],'recipients':['contact_information']"
                + (delay == null ? "" : ",'delay':'" + delay + "'") + "}"));
        assertTrue(rule.raw(), rule.status() == 200 || rule.status() == 201);
    }

    /** Posts an event for a new address and answers its communication's id. */
    private String post(String type, String address, String name) {
        Api.Response posted = api().post("/events", Api.json("{'id':'" + unique("ops-evt") + "','type':'" + type + "',"
                + "'occurredAt':'2026-11-23T10:00:00+02:00','entity':{'type':'order','id':'77'},'data':{'order':"
                + "{'number':'77'},'contact_information':{'name':'" + name + "','email':'" + address + "',"
                + "'preferred_language':'uk','consent':{'email':true}}}}"));
        assertEquals(posted.raw(), 202, posted.status());
        return posted.body().get("communications").get(0).asText();
    }

    private String post(String address) {
        return post("order.ops_ready", address, "Олена");
    }

    private static List<MimeMessage> messagesTo(String address) {
        return Mails.to(smtp, address);
    }

    /** Nothing reaches the SMTP server for the address while the brakes are on, and it stays unsent. */
    private void assertHeld(String id, String address) {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> messagesTo(address).isEmpty() && List.of("QUEUED", "SCHEDULED").contains(status(id)));
    }

    private void awaitDelivered(String id, String address, int messages) {
        await().until(() -> messagesTo(address).size() == messages);
        awaitStatus(id, Duration.ofSeconds(60), "SENT");
    }

    private ObjectName channelMBean() throws Exception {
        return new ObjectName("io.tidings:type=Channel,name=" + CHANNEL);
    }

    private static final ObjectName DISPATCHER = name("io.tidings:type=Dispatcher");

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    // ---- pausing

    @Test
    public void pausingOverRestShellAndJmxStopsSendingAndResumingSendsWhatWaited() throws Exception {
        try {
            Api.Response paused = api().post("/dispatch/pause", "");
            assertEquals(paused.raw(), 200, paused.status());
            assertTrue(paused.body().get("paused").asBoolean());
            String address = unique("rest-pause") + "@example.com";
            String id = post(address);
            assertHeld(id, address);
            executeCommand("tidings:resume");
            awaitDelivered(id, address, 1);
            assertFalse(api().get("/dispatch").body().get("paused").asBoolean());

            executeCommand("tidings:pause");
            assertTrue(api().get("/dispatch").body().get("paused").asBoolean());
            assertEquals(Boolean.TRUE, jmx.getAttribute(DISPATCHER, "Paused"));
            String shellAddress = unique("shell-pause") + "@example.com";
            String shellId = post(shellAddress);
            assertHeld(shellId, shellAddress);
            assertEquals(200, api().post("/dispatch/resume", "").status());
            awaitDelivered(shellId, shellAddress, 1);

            jmx.invoke(DISPATCHER, "pause", null, null);
            assertTrue(api().get("/dispatch").body().get("paused").asBoolean());
            String jmxAddress = unique("jmx-pause") + "@example.com";
            String jmxId = post(jmxAddress);
            assertHeld(jmxId, jmxAddress);
            assertTrue("the held message is due: " + jmx.getAttribute(DISPATCHER, "OldestDue"),
                    !"".equals(jmx.getAttribute(DISPATCHER, "OldestDue")));
            jmx.invoke(DISPATCHER, "resume", null, null);
            awaitDelivered(jmxId, jmxAddress, 1);
            assertEquals(Boolean.FALSE, jmx.getAttribute(DISPATCHER, "Paused"));
        } finally {
            api().post("/dispatch/resume", "");
        }
    }

    @Test
    public void aPausedChannelGetsNothingItsMessagesWaitWithoutAnAttemptAndResumeSendsThem() throws Exception {
        try {
            executeCommand("tidings:pause " + CHANNEL);
            JsonNode listed = api().get("/channels").body();
            assertEquals(listed.toString(), "paused by an operator", listed.get(0).get("state").asText());
            assertFalse(listed.get(0).get("available").asBoolean());
            String address = unique("channel-pause") + "@example.com";
            String id = post(address);
            await().until(() -> api().get("/communications/" + id).body().path("statusReason").asText()
                    .contains(CHANNEL + ": paused by an operator"));
            JsonNode waiting = api().get("/communications/" + id).body();
            assertEquals("QUEUED", waiting.get("status").asText());
            assertEquals("waiting costs no attempt", 0, waiting.get("attempts").asInt());
            assertTrue(messagesTo(address).isEmpty());
            assertEquals(Boolean.TRUE, jmx.getAttribute(channelMBean(), "Paused"));

            Api.Response resumed = api().post("/channels/" + CHANNEL + "/resume", "");
            assertEquals(resumed.raw(), 200, resumed.status());
            awaitDelivered(id, address, 1);

            jmx.invoke(channelMBean(), "pause", null, null);
            assertEquals("paused by an operator", jmx.getAttribute(channelMBean(), "State"));
            String jmxAddress = unique("channel-jmx") + "@example.com";
            String jmxId = post(jmxAddress);
            await().until(() -> api().get("/communications/" + jmxId).body().path("statusReason").asText()
                    .contains("paused by an operator"));
            executeCommand("tidings:resume " + CHANNEL);
            awaitDelivered(jmxId, jmxAddress, 1);
            assertEquals(404, api().post("/channels/nowhere/pause", "").status());
        } finally {
            api().post("/channels/" + CHANNEL + "/resume", "");
        }
    }

    /** The channel's entry in {@code GET /channels}. */
    private JsonNode listed(String channel) throws Exception {
        for (JsonNode c : api().get("/channels").body()) {
            if (channel.equals(c.get("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("no channel " + channel + " in GET /channels");
    }

    @Test
    public void aDrainedChannelTakesNothingNewIsDrainedOnceNothingIsInFlightAndResumeEndsTheDrain() throws Exception {
        try {
            Api.Response drained = api().post("/channels/" + CHANNEL + "/drain", "");
            assertEquals(drained.raw(), 200, drained.status());
            assertEquals(CHANNEL, drained.body().get("channel").asText());
            assertTrue(drained.raw(), drained.body().get("state").asText().startsWith("DRAIN"));
            await().until(() -> "DRAINED".equals(listed(CHANNEL).get("state").asText()));
            assertFalse(listed(CHANNEL).get("available").asBoolean());

            String address = unique("channel-drain") + "@example.com";
            String id = post(address);
            await().until(() -> api().get("/communications/" + id).body().path("statusReason").asText()
                    .contains(CHANNEL + ": DRAINED"));
            assertEquals("QUEUED", api().get("/communications/" + id).body().get("status").asText());
            assertTrue(messagesTo(address).isEmpty());
            String shell = executeCommand("tidings:drain --wait 5 " + CHANNEL);
            assertTrue(shell, shell.contains("Channel " + CHANNEL + " DRAINED"));

            executeCommand("tidings:resume " + CHANNEL);
            awaitDelivered(id, address, 1);
            assertEquals("available", listed(CHANNEL).get("state").asText());
            assertEquals(404, api().post("/channels/nowhere/drain", "").status());
        } finally {
            api().post("/channels/" + CHANNEL + "/resume", "");
        }
    }

    // ---- one communication

    @Test
    public void aFailedMessageIsRetriedOnceItsCauseIsMendedAndASentOneIsResentCancelInTheShell() throws Exception {
        // a name longer than rendering may write fails the message at once
        String address = unique("failing") + "@example.com";
        long renderFailures = scraped("tidings_render_failures_total");
        String id = post("order.ops_ready", address, "О".repeat(RENDER_CAP + 100));
        awaitStatus(id, Duration.ofSeconds(60), "FAILED");
        Api.Response refused = api().post("/communications/" + id + "/resend", "");
        assertEquals(refused.raw(), 201, refused.status());
        String copy = refused.body().get("id").asText();
        awaitStatus(copy, Duration.ofSeconds(60), "FAILED");
        assertEquals(renderFailures + 2, scraped("tidings_render_failures_total"));

        Api.Response noCriterion = api().post("/communications/retry", "{}");
        assertEquals(noCriterion.raw(), 400, noCriterion.status());
        assertEquals("0 failed communication(s) queued again",
                executeCommand("tidings:retry --channel nowhere --failed-from 2026-11-24T00:00:00+02:00").trim());
        setRenderCap(RENDER_CAP * 10);
        try {
            executeCommand("tidings:retry " + id);
            awaitDelivered(id, address, 1);
            Api.Response bulk = api().post("/communications/retry", Api.json("{'rule':'ops-ready'}"));
            assertEquals(bulk.raw(), 200, bulk.status());
            assertTrue(bulk.raw(), bulk.body().get("retried").asInt() >= 1);
            awaitDelivered(copy, address, 2);
            String resent = executeCommand("tidings:resend " + id).trim();
            awaitDelivered(resent, address, 3);
        } finally {
            setRenderCap(RENDER_CAP);
        }
        Api.Response sentRetry = api().post("/communications/" + id + "/retry", "");
        assertEquals(sentRetry.raw(), 409, sentRetry.status());

        String later = post("order.ops_later", unique("later") + "@example.com", "Søren");
        awaitStatus(later, Duration.ofSeconds(30), "SCHEDULED");
        executeCommand("tidings:cancel --reason \"booking moved\" " + later);
        JsonNode cancelled = api().get("/communications/" + later).body();
        assertEquals("CANCELLED", cancelled.get("status").asText());
        assertEquals("booking moved", cancelled.get("statusReason").asText());
    }

    private void setRenderCap(int characters) throws Exception {
        org.osgi.service.cm.Configuration config = configurationAdmin.getConfiguration("io.tidings.templates", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        if (config.getProperties() != null) {
            java.util.Enumeration<String> keys = config.getProperties().keys();
            while (keys.hasMoreElements()) {
                String key = keys.nextElement();
                props.put(key, config.getProperties().get(key));
            }
        }
        props.put("maxOutputCharacters", characters);
        config.update(props);
        awaitApi();
    }

    // ---- numbers and events

    @Test
    public void theChannelMBeanAndThePrometheusCounterMoveByExactlyTheMessagesSentAndATestSendArrives()
            throws Exception {
        assertTrue(jmx.isRegistered(DISPATCHER));
        long sentBefore = (Long) jmx.getAttribute(channelMBean(), "Sent");
        long scrapedBefore = scrapedSent();
        String latency = "tidings_send_latency_seconds_count{channel=\"" + CHANNEL + "\"}";
        String wait = "tidings_queue_wait_seconds_count{channel=\"" + CHANNEL + "\"}";
        long latencyBefore = scraped(latency);
        long waitBefore = scraped(wait);
        long ingestedBefore = scraped("tidings_events_ingested_total");
        List<String> ids = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            addresses.add(unique("counted") + "@example.com");
            ids.add(post(addresses.get(i)));
        }
        for (int i = 0; i < 3; i++) {
            awaitDelivered(ids.get(i), addresses.get(i), 1);
        }
        await().until(() -> (Long) jmx.getAttribute(channelMBean(), "Sent") == sentBefore + 3);
        assertEquals(scrapedBefore + 3, scrapedSent());
        assertEquals(ingestedBefore + 3, scraped("tidings_events_ingested_total"));
        assertEquals(latencyBefore + 3, scraped(latency));
        assertEquals(waitBefore + 3, scraped(wait));
        assertTrue(api().get("/metrics/prometheus").raw().contains("\ntidings_oldest_due_age_seconds "));
        assertEquals("available", jmx.getAttribute(channelMBean(), "State"));

        String address = unique("test-send") + "@example.com";
        Object answer = jmx.invoke(channelMBean(), "testSend", new Object[] {address},
                new String[] {String.class.getName()});
        assertTrue(String.valueOf(answer), String.valueOf(answer).startsWith("sent"));
        await().until(() -> messagesTo(address).size() == 1);
        assertEquals("a test send is no communication", sentBefore + 3, (long) (Long) jmx.getAttribute(channelMBean(), "Sent"));
    }

    /** A sample's value in the scrape, 0 when absent; {@code sample} is the name with its labels. */
    private long scraped(String sample) {
        String text = api().get("/metrics/prometheus").raw();
        Matcher m = Pattern.compile("\n" + Pattern.quote(sample) + " ([0-9.]+)\n").matcher(text);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    public void prometheusScrapesWithAViewerLoginOrTheScrapeTokenWhichOpensNothingElse() {
        assertEquals(200, api("viewer", "viewer").get("/metrics/prometheus").status());
        Api token = api(null, null).withHeader("Authorization", "Bearer " + SCRAPE_TOKEN);
        Api.Response scrape = token.get("/metrics/prometheus");
        assertEquals(scrape.raw(), 200, scrape.status());
        assertTrue(scrape.raw(), scrape.raw().contains("# TYPE tidings_send_latency_seconds histogram\n"));
        assertEquals(401, token.get("/communications").status());
        assertEquals(401, api(null, null).withHeader("Authorization", "Bearer " + SCRAPE_TOKEN + "x")
                .get("/metrics/prometheus").status());
        assertEquals(403, api("ingest", "ingest").get("/metrics/prometheus").status());
    }

    // ---- the API's description

    /**
     * The OpenAPI document needs no login, and the servlet serves exactly the methods it lists on each
     * of its paths: a PATCH, which no route takes, is answered 405 with the methods allowed there.
     */
    @Test
    public void theOpenApiDocumentListsExactlyTheMethodsTheServletServesOnEachPath() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(httpUrl("/tidings/api/v1/openapi.json"))).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(answer.body(), 200, answer.statusCode());
        JsonNode paths = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).get("paths");
        assertTrue(paths.has("/dispatch/pause"));
        String admin = "Basic " + java.util.Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int checked = 0;
        for (java.util.Iterator<String> names = paths.fieldNames(); names.hasNext();) {
            String path = names.next();
            if (path.equals("/openapi.json")) {
                continue;
            }
            java.util.TreeSet<String> listed = new java.util.TreeSet<>();
            paths.get(path).fieldNames().forEachRemaining(m -> listed.add(m.toUpperCase(java.util.Locale.ROOT)));
            java.net.http.HttpResponse<String> patch = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    httpUrl("/tidings/api/v1" + path.replaceAll("\\{[A-Za-z]+}", "x")))).header("Authorization", admin)
                    .method("PATCH", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(path + ": " + patch.body(), 405, patch.statusCode());
            assertEquals(path, listed, new java.util.TreeSet<>(Arrays.asList(patch.headers().firstValue("Allow")
                    .orElse("").split(", "))));
            checked++;
        }
        assertTrue("every path was tried: " + checked, checked > 30);
    }

    private long scrapedSent() {
        Api.Response scrape = api().get("/metrics/prometheus");
        assertEquals(scrape.raw(), 200, scrape.status());
        Matcher m = Pattern.compile("\ntidings_communications_sent_total\\{channel=\"" + CHANNEL
                + "\",medium=\"EMAIL\"} (\\d+)\n").matcher(scrape.raw());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Test
    public void anEventAdminSubscriberReceivesEachStatusChangeWithoutBodiesOrAddresses() throws Exception {
        List<Event> received = new CopyOnWriteArrayList<>();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, "io/tidings/communication/*");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, received::add, props);
        try {
            String address = unique("events") + "@example.com";
            String id = post(address);
            awaitDelivered(id, address, 1);
            await().until(() -> statuses(received, id).contains("SENT"));
            // asynchronous events from three threads (ingest, claim, outcome): each change once, in any order
            List<String> statuses = new ArrayList<>(statuses(received, id));
            java.util.Collections.sort(statuses);
            assertEquals(statuses.toString(), List.of("QUEUED", "SENDING", "SENT"), statuses);
            Event sent = received.stream().filter(e -> id.equals(e.getProperty("id"))
                    && "SENT".equals(e.getProperty("status"))).findFirst().orElseThrow();
            assertEquals("io/tidings/communication/SENT", sent.getTopic());
            assertEquals("ops-ready", sent.getProperty("rule"));
            assertEquals("ops-ready", sent.getProperty("template"));
            assertEquals(CHANNEL, sent.getProperty("channel"));
            assertEquals("EMAIL", sent.getProperty("medium"));
            assertEquals("order:77", sent.getProperty("entity"));
            for (Event event : received) {
                for (String name : event.getPropertyNames()) {
                    String value = String.valueOf(event.getProperty(name));
                    assertFalse(name + " holds the address", value.contains(address));
                    assertFalse(name + " holds the body", value.contains("Вітаємо"));
                }
            }
        } finally {
            handler.unregister();
        }
    }

    private static List<String> statuses(List<Event> events, String id) {
        return events.stream().filter(e -> id.equals(e.getProperty("id"))).map(e -> (String) e.getProperty("status"))
                .toList();
    }

}
