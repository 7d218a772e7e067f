package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Notification runs in a real Karaf: a batch of bills sent as one run is counted exactly (sent,
 * suppressed with its reason), an open and a click through the link endpoint count in its
 * engagement, a run cancelled half-way leaves its rest CANCELLED, a run's send moment holds its
 * messages back, the Runs tab of the web console shows a run's funnel in Chromium, and a frequency cap
 * keeps a contact's third offer of the day back. Messages go to the devbox.
 */
public class RunsIT extends TidingsTestSupport {

    private static final String NO_CONSENT = "no consent";
    private static final String RUN_NAME = "Рахунки за березень 2026";

    @Override
    protected String[] features() {
        return new String[] {"tidings", "tidings-channel-devbox", "tidings-webconsole"};
    }
    private final HttpClient browser = HttpClient.newHttpClient();

    @Before
    public void templatesRulesAndTracking() throws Exception {
        org.osgi.service.cm.Configuration links = configurationAdmin.getConfiguration("io.tidings.links", "?");
        String base = httpUrl("");
        if (links.getProperties() == null || !base.equals(links.getProperties().get("baseUrl"))) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("baseUrl", base);
            props.put("trackOpens", "ALL");
            props.put("trackClicks", "ALL");
            links.update(props);
        }
        awaitApi();
        ok(api().put("/templates/run-bill", Api.json("{'key':'run-bill','name':'Bill','medium':'EMAIL',"
                + "'defaultLanguage':'uk','contents':{'uk':{'subject':'Рахунок #bill.number',"
                + "'html':'<html><body><p>Шановний #contact_information.name, ваш рахунок #bill.number. "
                + "<a href=\\'https://billing.example.com/pay?bill=#bill.number\\'>Сплатити</a></p></body></html>'}}}")));
        ok(api().put("/rules/run-bill", Api.json("{'key':'run-bill','name':'Bills','event':'bill.issued',"
                + "'templates':['run-bill'],'recipients':['contact_information'],'purpose':'TRANSACTIONAL'}")));
        ok(api().put("/rules/run-bill-later", Api.json("{'key':'run-bill-later','name':'Bill reminders in a day',"
                + "'event':'bill.due_soon','templates':['run-bill'],'recipients':['contact_information'],"
                + "'purpose':'TRANSACTIONAL','delay':'P1D'}")));
    }

    @Test
    public void aRunOfFiftyBillsIsCountedExactlyWithItsEngagement() throws Exception {
        String run = unique("bills-2026-03");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // every fifth customer gave no consent for email
            events.add(bill(unique("bill"), "bill.issued", i % 5 != 0));
        }
        Api.Response posted = api().post("/events/batch", Api.json("{'run':{'key':'" + run + "','name':'" + RUN_NAME + "'},'events':[" + String.join(",", events) + "]}"));
        assertEquals(posted.raw(), 202, posted.status());

        await().atMost(Duration.ofSeconds(90)).until(() -> count(run, "SENT") == 40);
        JsonNode report = api().get("/runs/" + run).body();
        assertEquals(report.toString(), RUN_NAME, report.get("name").asText());
        assertEquals("karaf", report.get("createdBy").asText());
        assertEquals(50, report.get("events").asInt());
        assertEquals(report.toString(), 40, report.get("communications").get("SENT").asInt());
        assertEquals(10, report.get("communications").get("SUPPRESSED").asInt());
        assertEquals(2, report.get("communications").size());
        JsonNode reasons = report.get("reasons");
        assertEquals(reasons.toString(), 1, reasons.size());
        assertTrue(reasons.toString(), reasons.fieldNames().next().contains(NO_CONSENT));
        assertEquals(10, reasons.elements().next().asInt());
        assertEquals(40, report.get("engagement").get("sent").asInt());
        assertEquals(50, report.get("byLanguage").get("uk").get("SENT").asInt()
                + report.get("byLanguage").get("uk").get("SUPPRESSED").asInt());

        // a recipient opens one of the emails and clicks its link
        String html = sentHtml(run);
        Matcher pixel = Pattern.compile("<img src=\"(http://127\\.0\\.0\\.1:\\d+/tidings/links/[A-Za-z0-9_.-]+)\"").matcher(html);
        Matcher click = Pattern.compile("<a href=\"(http://127\\.0\\.0\\.1:\\d+/tidings/links/[A-Za-z0-9_.-]+)\">Сплатити")
                .matcher(html);
        assertTrue(html, pixel.find() && click.find());
        assertEquals(200, browser.send(HttpRequest.newBuilder(URI.create(pixel.group(1))).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(302, browser.send(HttpRequest.newBuilder(URI.create(click.group(1))).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        JsonNode engagement = api().get("/runs/" + run).body().get("engagement");
        assertEquals(engagement.toString(), 1, engagement.get("opened").asInt());
        assertEquals(1, engagement.get("clicked").asInt());

        // listed newest first, and exported for a spreadsheet without addresses
        assertEquals(run, api().get("/runs?limit=5").body().get(0).get("key").asText());
        Api.Response csv = api().get("/runs/" + run + "/export");
        assertEquals(200, csv.status());
        String[] lines = csv.raw().split("\r\n");
        assertEquals(51, lines.length);
        assertFalse(csv.raw(), csv.raw().contains("@example.com.ua"));
        assertEquals(404, api().get("/runs/no-such-run").status());

        // an administrator follows it in the web console: the funnel, the CSV, a comparison
        String other = unique("bills-2026-02");
        batch(other, "bill.issued", 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(other, "SENT") == 2);
        BrowserScript.Result browser = BrowserScript.run("runs.mjs", java.util.Map.of(
                "TIDINGS_CONSOLE", "http://127.0.0.1:" + httpPort() + "/system/console/tidings",
                "TIDINGS_USER", "karaf", "TIDINGS_PASSWORD", "karaf", "TIDINGS_RUN", run, "TIDINGS_RUN_NAME", RUN_NAME,
                "TIDINGS_OTHER_RUN", other, "TIDINGS_SCREENSHOTS", BrowserScript.screenshots()));
        assertEquals(browser.output(), 0, browser.exitCode());
        for (String check : new String[] {"ok: the run list shows " + run,
            "ok: the funnel shows 50 planned, 40 sent, 10 suppressed with their reason, and the 40 sends over time",
            "ok: the CSV export has the run's 50 communications and no addresses",
            "ok: two runs are compared side by side"}) {
            assertTrue(browser.output(), browser.output().contains(check));
        }
    }

    @Test
    public void aRunCancelledHalfWayLeavesItsRestCancelledAndTakesNoMoreEvents() {
        String run = unique("loyalty");
        Api.Response opened = api().post("/runs", Api.json("{'key':'" + run + "','name':'Loyalty offer',"
                + "'purpose':'MARKETING'}"));
        assertEquals(opened.raw(), 201, opened.status());
        assertEquals("OPEN", opened.body().get("state").asText());
        assertEquals("opening it again answers the run", 200, api().post("/runs", Api.json("{'key':'" + run + "'}")).status());

        batch(run, "bill.issued", 3);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(run, "SENT") == 3);
        batch(run, "bill.due_soon", 3); // a day's delay: still waiting when the run is cancelled

        assertRefusedToAViewer(run);
        Api.Response cancelled = api().post("/runs/" + run + "/cancel", "");
        assertEquals(cancelled.raw(), 200, cancelled.status());
        assertEquals(3, cancelled.body().get("cancelled").asInt());

        JsonNode report = api().get("/runs/" + run).body();
        assertEquals("CANCELLED", report.get("state").asText());
        assertEquals(report.toString(), 3, report.get("communications").get("SENT").asInt());
        assertEquals(3, report.get("communications").get("CANCELLED").asInt());
        assertEquals(3, api().get("/communications?run=" + run + "&status=CANCELLED").body().size());

        Api.Response late = api().post("/events/batch", Api.json("{'run':{'key':'" + run + "'},'events':["
                + bill(unique("bill"), "bill.issued", true) + "]}"));
        assertEquals(late.raw(), 409, late.status());
        assertTrue(late.raw(), late.body().get("error").asText().contains("cancelled"));
    }

    @Test
    public void aRunsSendMomentHoldsItsMessagesBack() {
        String run = unique("newsletter");
        Instant sendAt = Instant.now().plus(Duration.ofHours(2));
        assertEquals(201, api().post("/runs", Api.json("{'key':'" + run + "','name':'Newsletter','sendAt':'"
                + sendAt + "'}")).status());
        batch(run, "bill.issued", 2);
        JsonNode communications = api().get("/communications?run=" + run).body();
        assertEquals(communications.toString(), 2, communications.size());
        for (JsonNode c : communications) {
            assertEquals(c.toString(), "SCHEDULED", c.get("status").asText());
            assertFalse(c.toString(), Instant.parse(c.get("notBefore").asText()).isBefore(sendAt.minusSeconds(1)));
        }
        JsonNode closed = api().post("/runs/" + run + "/close", "").body();
        assertEquals("CLOSED", closed.get("state").asText());
        assertEquals(409, api().post("/events/batch", Api.json("{'run':{'key':'" + run + "'},'events':["
                + bill(unique("bill"), "bill.issued", true) + "]}")).status());
        Api.Response badKey = api().post("/runs", Api.json("{'key':'a b/c'}"));
        assertEquals(badKey.raw(), 400, badKey.status());
        assertEquals("key", badKey.body().get("field").asText());
    }

    @Test
    public void aContactUnderACapOfTwoADayGetsTwoOffersAndTheThirdIsSuppressed() {
        ok(api().put("/templates/capped-offer", Api.json("{'key':'capped-offer','name':'Offer','medium':'EMAIL',"
                + "'defaultLanguage':'da','contents':{'da':{'subject':'Tilbud til ordre #order.number','text':'Kære "
                + "#contact_information.name, et tilbud til dig.'}}}")));
        Api.Response rule = api().put("/rules/capped-offer", Api.json("{'key':'capped-offer','name':'Offers',"
                + "'event':'campaign.offer','templates':['capped-offer'],'recipients':['contact_information'],"
                + "'purpose':'MARKETING','frequencyCap':{'max':2,'per':'P1D'}}"));
        ok(rule);
        assertEquals(rule.raw(), 2, rule.body().get("frequencyCap").get("max").asInt());
        assertEquals("P1D", rule.body().get("frequencyCap").get("per").asText());
        Api.Response refused = api().put("/rules/capped-offer", Api.json("{'key':'capped-offer','name':'Offers',"
                + "'event':'campaign.offer','templates':['capped-offer'],'purpose':'MARKETING',"
                + "'frequencyCap':{'max':0,'per':'P1D'}}"));
        assertEquals(refused.raw(), 400, refused.status());
        assertEquals("frequencyCap.max", refused.body().get("field").asText());

        String email = unique("ida") + "@example.dk";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = unique("offer");
            Api.Response posted = api().post("/events", Api.json("{'id':'" + id + "','type':'campaign.offer',"
                    + "'occurredAt':'" + java.time.OffsetDateTime.now() + "','entity':{'type':'campaign','id':'" + id
                    + "'},'data':{'order':{'number':'" + i + "'},'contact_information':{'name':'Ida Ørsted',"
                    + "'email':'" + email + "','preferred_language':'da','consent':{'email':true,'marketing':true}}}}"));
            assertEquals(posted.raw(), 202, posted.status());
            ids.add(posted.body().get("communications").get(0).asText());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> List.of("SENT", "SUPPRESSED")
                .contains(status(id))));
        List<String> statuses = ids.stream().map(this::status).sorted().toList();
        assertEquals(List.of("SENT", "SENT", "SUPPRESSED"), statuses);
        for (String id : ids) {
            JsonNode c = api().get("/communications/" + id).body();
            if ("SUPPRESSED".equals(c.get("status").asText())) {
                assertEquals("frequency cap: 2 per P1D", c.get("statusReason").asText());
            }
        }
    }

    // ---- helpers

    private void assertRefusedToAViewer(String run) {
        assertEquals(200, api("viewer", "viewer").get("/runs/" + run).status());
        Api.Response refused = api("viewer", "viewer").post("/runs/" + run + "/cancel", "");
        assertEquals(refused.raw(), 403, refused.status());
    }

    private void batch(String run, String type, int events) {
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            batch.add(bill(unique("bill"), type, true));
        }
        Api.Response posted = api().post("/events/batch", Api.json("{'run':{'key':'" + run + "'},'events':["
                + String.join(",", batch) + "]}"));
        assertEquals(posted.raw(), 202, posted.status());
    }

    private static String bill(String id, String type, boolean consent) {
        // the event happened now: a rule's delay counts from it
        return "{'id':'" + id + "','type':'" + type + "','occurredAt':'" + java.time.OffsetDateTime.now() + "',"
                + "'entity':{'type':'bill','id':'" + id + "'},'data':{'bill':{'number':'" + id + "'},"
                + "'contact_information':{'name':'Олена Коваленко','email':'" + id + "@example.com.ua',"
                + "'preferred_language':'uk','consent':{'email':" + consent + "}}}}";
    }

    private int count(String run, String status) {
        return api().get("/communications?limit=1000&run=" + run + "&status=" + status).body().size();
    }

    /** The HTML of one of the run's sent emails, as the devbox kept it. */
    private String sentHtml(String run) {
        String id = api().get("/communications?limit=1&run=" + run + "&status=SENT").body().get(0).get("id").asText();
        for (JsonNode kept : api().get("/devbox/messages?limit=1000").body()) {
            if (id.equals(kept.get("communicationId").asText())) {
                return kept.get("html").asText();
            }
        }
        throw new AssertionError("the devbox has no message " + id);
    }

    private static void ok(Api.Response response) {
        assertTrue(response.raw(), response.status() == 200 || response.status() == 201);
    }
}
