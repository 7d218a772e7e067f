package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Hashtable;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The dynamic links of the CRM.COM templates in a real Karaf: a message carries signed links on
 * this Karaf's address; a recipient (no Karaf user) follows one and the choice is recorded and
 * obeyed by the next event; forged and preview links record nothing. Messages are read from the devbox.
 */
public class DynamicLinksIT extends TidingsTestSupport {

    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/tidings/links/[A-Za-z0-9_.-]+");

    private final HttpClient browser = HttpClient.newHttpClient();

    @Before
    public void templatesAndRules() throws Exception {
        org.osgi.service.cm.Configuration links = configurationAdmin.getConfiguration("io.tidings.links", "?");
        String base = httpUrl("");
        if (links.getProperties() == null || !base.equals(links.getProperties().get("baseUrl"))) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("baseUrl", base);
            props.put("trackOpens", "MARKETING");
            props.put("trackClicks", "MARKETING");
            links.update(props);
        }
        awaitApi();
        // the CRM.COM examples "Subscribe in Mailing List", "Subscribe off Mailing List" and the service request response
        template("welcome-lists", "TRANSACTIONAL", "Welcome #contact_information.name! Direct marketing: "
                + "#dynamic_link.opt_in_direct_marketing Affiliate marketing: #dynamic_link.opt_in_affiliate_marketing");
        template("offer", "MARKETING", "Our offer for #contact_information.name. Unsubscribe: "
                + "#dynamic_link.opt_out_direct_marketing");
        template("partner-offer", "AFFILIATE_MARKETING", "A partner offer. Unsubscribe: "
                + "#dynamic_link.opt_out_affiliate_marketing");
        template("sr-response", "TRANSACTIONAL", "Your service request #service_request.number was processed. "
                + "Accept: #dynamic_link.service_request_response_acceptance");
        rule("welcome-lists", "contact.created", "TRANSACTIONAL");
        rule("offer", "campaign.offer", "MARKETING");
        rule("partner-offer", "campaign.partner_offer", "AFFILIATE_MARKETING");
        rule("sr-response", "service_request.responded", "TRANSACTIONAL");
    }

    @Test
    public void anUnsubscribeLinkOptsOutOnceAndTheNextOfferIsSuppressed() throws Exception {
        String email = unique() + "@example.dk";
        String offer = send("campaign.offer", "campaign", unique(), email, "{'email':true,'marketing':true}");
        String link = linkIn(offer, "opt_out_direct_marketing");

        // a link checker's HEAD records nothing
        assertEquals(200, browser.send(HttpRequest.newBuilder(URI.create(link))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode());
        assertEquals("NONE", api().get("/consent?address=" + email).body().get("purposes").get("MARKETING").asText());

        // opening the link (or a mail scanner fetching it) only asks for a confirmation
        HttpResponse<String> asked = open(link);
        assertEquals(asked.body(), 200, asked.statusCode());
        assertTrue(asked.body(), asked.body().contains("<form method=\"post\">") && asked.body().contains(">Unsubscribe</button>"));
        assertFalse("no personal data on the page", asked.body().contains(email));
        assertEquals("NONE", api().get("/consent?address=" + email).body().get("purposes").get("MARKETING").asText());

        HttpResponse<String> page = post(link);
        assertEquals(page.body(), 200, page.statusCode());
        assertTrue(page.body(), page.body().contains("unsubscribed"));
        assertFalse("no personal data on the page", page.body().contains(email));
        // a second confirmation records nothing new
        assertEquals(200, post(link).statusCode());

        JsonNode consent = api().get("/consent?address=" + email).body();
        assertEquals(consent.toString(), "OPTED_OUT", consent.get("purposes").get("MARKETING").asText());
        assertEquals("NONE", consent.get("purposes").get("AFFILIATE_MARKETING").asText());

        // the host still says yes; Tidings' record wins
        String next = send("campaign.offer", "campaign", unique(), email, "{'email':true,'marketing':true}");
        JsonNode suppressed = api().get("/communications/" + next).body();
        assertEquals(suppressed.toString(), "SUPPRESSED", suppressed.get("status").asText());
        assertEquals(email + " opted out of MARKETING through Tidings", suppressed.get("statusReason").asText());
    }

    @Test
    public void anOptInLinkOfAMessageSentBeforeALaterOptOutNoLongerSubscribes() throws Exception {
        String email = unique() + "@example.dk";
        String welcome = send("contact.created", "contact", unique(), email, "{'email':true}");
        String optIn = linkIn(welcome, "opt_in_affiliate_marketing");
        // the recipient opts out after that message was sent: the latest choice wins
        Api.Response out = api().post("/consent", Api.json("{'address':'" + email + "','purpose':'AFFILIATE_MARKETING',"
                + "'choice':'OPT_OUT'}"));
        assertEquals(out.raw(), 200, out.status());
        HttpResponse<String> asked = open(optIn);
        assertFalse(asked.body(), asked.body().contains("<form method=\"post\">"));
        post(optIn);
        assertEquals("OPTED_OUT", api().get("/consent?address=" + email).body().get("purposes")
                .get("AFFILIATE_MARKETING").asText());
    }

    @Test
    public void anOptInLinkGrantsAffiliateMarketingTheHostNeverGranted() throws Exception {
        String email = unique() + "@example.fr";
        String before = send("campaign.partner_offer", "campaign", unique(), email, "{'email':true}");
        assertEquals("SUPPRESSED", await().atMost(Duration.ofSeconds(30)).until(() -> status(before),
                s -> !"QUEUED".equals(s)));

        String welcome = send("contact.created", "contact", unique(), email, "{'email':true}");
        String optIn = linkIn(welcome, "opt_in_affiliate_marketing");
        assertEquals(200, confirm(optIn).statusCode());
        assertEquals("OPTED_IN", api().get("/consent?address=" + email).body().get("purposes")
                .get("AFFILIATE_MARKETING").asText());

        String after = send("campaign.partner_offer", "campaign", unique(), email, "{'email':true}");
        awaitStatus(after, Duration.ofSeconds(60), "SENT");

        // and an administrator can record the opposite choice over the API
        Api.Response changed = api().post("/consent", Api.json("{'address':'" + email + "','purpose':'AFFILIATE_MARKETING',"
                + "'choice':'OPT_OUT'}"));
        assertEquals(changed.raw(), 200, changed.status());
        assertEquals("OPTED_OUT", changed.body().get("purposes").get("AFFILIATE_MARKETING").asText());
        Api.Response bad = api().post("/consent", Api.json("{'address':'" + email + "','purpose':'SPAM','choice':'OPT_OUT'}"));
        assertEquals(400, bad.status());
        assertTrue(bad.raw(), bad.raw().contains("purpose"));
    }

    @Test
    public void anAcceptanceIsRecordedForTheHostAndForgedOrPreviewLinksRecordNothing() throws Exception {
        String email = unique() + "@example.com.ua";
        String request = "SR-" + unique();
        String message = send("service_request.responded", "service_request", request, email, "{'email':true}");
        String accept = linkIn(message, "service_request_response_acceptance");

        String token = accept.substring(accept.lastIndexOf('/') + 1);
        String forged = accept.substring(0, accept.lastIndexOf('/') + 1)
                + (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        assertEquals(404, open(forged).statusCode());
        assertEquals(404, post(forged).statusCode());
        // a link that cannot be read answers in the browser's language
        HttpResponse<String> ukrainian = browser.send(HttpRequest.newBuilder(URI.create(forged))
                .header("Accept-Language", "uk-UA, en;q=0.5").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertTrue(ukrainian.body(), ukrainian.body().contains("Недійсне посилання"));
        assertEquals(0, api().get("/link-responses?entityType=service_request&entityId=" + request).body().size());

        // the host is told through its webhook as well, without the recipient's address
        String hook = unique();
        try (WebhookEndpoint host = new WebhookEndpoint(0, 0)) {
            host.register(api(), hook, "link-secret", "link.response");
            HttpResponse<String> page = confirm(accept);
            assertEquals(page.body(), 200, page.statusCode());
            JsonNode responses = api().get("/link-responses?entityType=service_request&entityId=" + request).body();
            assertEquals(responses.toString(), 1, responses.size());
            assertEquals("service_request_response_acceptance", responses.get(0).get("action").asText());
            assertEquals(message, responses.get(0).get("communication").asText());
            assertEquals(email, responses.get(0).get("address").asText());

            JsonNode told = await().atMost(Duration.ofSeconds(30)).until(() -> host.data("link.response").stream()
                    .filter(d -> message.equals(d.path("communicationId").asText())).findFirst().orElse(null),
                    d -> d != null);
            assertEquals(responses.get(0).get("id").asText(), told.get("id").asText());
            assertEquals("service_request_response_acceptance", told.get("action").asText());
            assertEquals("service_request", told.get("entityType").asText());
            assertEquals(request, told.get("entityId").asText());
            assertFalse(host.received.get(0).text(), host.received.stream().anyMatch(r -> r.text().contains(email)));
        } finally {
            api().delete("/webhooks/" + hook);
        }

        // a preview shows working-looking links that record nothing
        Api.Response preview = api().post("/templates/offer/preview", Api.json("{'language':'en','data':{"
                + "'contact_information':{'name':'Preview','email':'" + email + "'}}}"));
        assertEquals(preview.raw(), 200, preview.status());
        Matcher previewLink = LINK.matcher(preview.raw());
        assertTrue(preview.raw(), previewLink.find());
        HttpResponse<String> previewPage = post(previewLink.group());
        assertTrue(previewPage.body(), previewPage.body().contains("nothing was recorded"));
        assertEquals("NONE", api().get("/consent?address=" + email).body().get("purposes").get("MARKETING").asText());
        // the endpoint needs no Karaf login, the admin API still does
        assertEquals(401, api(null, null)
                .get("/link-responses").status());
    }

    @Test
    public void theShellShowsAndRecordsChoicesAndListsFollowedLinks() throws Exception {
        String email = unique() + "@example.dk";
        String output = executeCommand("tidings:consent --opt-out AFFILIATE_MARKETING " + email);
        assertTrue(output, output.matches("(?s).*AFFILIATE_MARKETING\\s*\\|\\s*opted out.*"));
        assertEquals("OPTED_OUT", api().get("/consent?address=" + email).body().get("purposes")
                .get("AFFILIATE_MARKETING").asText());
        output = executeCommand("tidings:consent --opt-in AFFILIATE_MARKETING " + email);
        assertTrue(output, output.matches("(?s).*AFFILIATE_MARKETING\\s*\\|\\s*opted in.*"));

        String request = "SR-" + unique();
        String message = send("service_request.responded", "service_request", request, email, "{'email':true}");
        assertEquals(200, confirm(linkIn(message, "service_request_response_acceptance")).statusCode());
        output = executeCommand("tidings:link-responses --entity-type service_request --entity-id " + request);
        assertTrue(output, output.contains("service_request_response_acceptance") && output.contains(message));
    }

    @Test
    public void aMarketingEmailsOpeningAndClicksAreCountedAndTheClickGoesOn() throws Exception {
        Api.Response template = api().put("/templates/offer-html", Api.json("{'key':'offer-html','name':'Offer',"
                + "'medium':'EMAIL','defaultLanguage':'en','contents':{'en':{'subject':'Our offer',"
                + "'html':'<html><body><p>Dear #contact_information.name, <a href=\\'https://shop.example.com/offer?a=1&amp;b=2\\'>"
                + "see the offer</a>. <a href=\\'#dynamic_link.opt_out_direct_marketing\\'>Unsubscribe</a></p></body></html>'}}}"));
        assertTrue(template.raw(), template.status() == 200 || template.status() == 201);
        rule("offer-html", "campaign.html_offer", "MARKETING");
        String email = unique() + "@example.com";
        String id = send("campaign.html_offer", "campaign", unique(), email, "{'email':true,'marketing':true}");
        awaitStatus(id, Duration.ofSeconds(60), "SENT");

        String html = null;
        String text = null;
        for (JsonNode kept : api().get("/devbox/messages?limit=1000").body()) {
            if (id.equals(kept.get("communicationId").asText())) {
                html = kept.get("html").asText();
                text = kept.get("text").asText();
            }
        }
        assertTrue(String.valueOf(html), html != null && !html.contains("https://shop.example.com"));
        Matcher tracked = Pattern.compile("<a href=\"(http://127\\.0\\.0\\.1:\\d+/tidings/links/[A-Za-z0-9_.-]+)\">see the offer")
                .matcher(html);
        assertTrue(html, tracked.find());
        Matcher pixel = Pattern.compile("<img src=\"(http://127\\.0\\.0\\.1:\\d+/tidings/links/[A-Za-z0-9_.-]+)\" width=\"1\"")
                .matcher(html);
        assertTrue(html, pixel.find());
        // the text part generated from the HTML carries the same click link
        assertTrue(text, text.contains("see the offer (" + tracked.group(1) + ")") && !text.contains("shop.example.com"));
        assertEquals("the unsubscribe link is not rewritten", 1, html.split("see the offer")[1].split("Unsubscribe")[0]
                .split("/tidings/links/").length - 1);

        HttpResponse<byte[]> image = browser.send(HttpRequest.newBuilder(URI.create(pixel.group(1))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode());
        assertEquals("image/gif", image.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> click = browser.send(HttpRequest.newBuilder(URI.create(tracked.group(1))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, click.statusCode());
        assertEquals("https://shop.example.com/offer?a=1&b=2", click.headers().firstValue("Location").orElse(""));

        JsonNode engagement = api().get("/communications/" + id + "/engagement").body();
        assertEquals(engagement.toString(), 1, engagement.get("opens").asInt());
        assertEquals(1, engagement.get("clicks").asInt());
        assertFalse(engagement.get("firstOpenedAt").isNull());
        JsonNode summary = api().get("/engagement?rule=offer-html").body();
        assertTrue(summary.toString(), summary.get("sent").asInt() >= 1 && summary.get("opened").asInt() >= 1
                && summary.get("clicked").asInt() >= 1);
        assertEquals(404, api().get("/communications/unknown/engagement").status());
    }

    // ---- helpers

    /** A click in the message: the browser's GET. */
    private HttpResponse<String> open(String link) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The page's confirmation button (or a mail client's one-click unsubscribe): a POST to the link. */
    private HttpResponse<String> post(String link) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** What a recipient does: opens the link, then presses the page's button. */
    private HttpResponse<String> confirm(String link) throws Exception {
        HttpResponse<String> asked = open(link);
        assertEquals(asked.body(), 200, asked.statusCode());
        assertTrue(asked.body(), asked.body().contains("<form method=\"post\">"));
        return post(link);
    }

    /** The link of a sent message for an action (the token's signed payload names it). */
    private String linkIn(String communicationId, String action) {
        awaitStatus(communicationId, Duration.ofSeconds(60), "SENT");
        String body = api().get("/communications/" + communicationId).body().get("body").asText();
        Matcher links = LINK.matcher(body);
        while (links.find()) {
            String token = links.group().substring(links.group().lastIndexOf('/') + 1);
            String payload = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                    StandardCharsets.UTF_8);
            if (payload.contains("|" + action.toUpperCase(java.util.Locale.ROOT))) {
                return links.group();
            }
        }
        throw new AssertionError("no " + action + " link in: " + body);
    }

    private String send(String type, String entityType, String entityId, String email, String consent) {
        Api.Response posted = api().post("/events", Api.json("{'id':'" + unique() + "','type':'" + type + "',"
                + "'occurredAt':'2026-11-23T10:00:00+01:00','entity':{'type':'" + entityType + "','id':'" + entityId + "'},"
                + "'data':{'service_request':{'number':'" + entityId + "'},'contact_information':{'name':'Søren Ærø',"
                + "'email':'" + email + "','preferred_language':'en','consent':" + consent + "}}}"));
        assertEquals(posted.raw(), 202, posted.status());
        return posted.body().get("communications").get(0).asText();
    }

    private void template(String key, String purpose, String text) {
        Api.Response r = api().put("/templates/" + key, Api.json("{'key':'" + key + "','name':'" + purpose + "',"
                + "'medium':'EMAIL','defaultLanguage':'en','contents':{'en':{'subject':'" + key + "','text':'" + text + "'}}}"));
        assertTrue(r.raw(), r.status() == 200 || r.status() == 201);
    }

    private void rule(String key, String event, String purpose) {
        Api.Response r = api().put("/rules/" + key, Api.json("{'key':'" + key + "','name':'" + key + "','event':'" + event
                + "','templates':['" + key + "'],'recipients':['contact_information'],'purpose':'" + purpose + "'}"));
        assertTrue(r.raw(), r.status() == 200 || r.status() == 201);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
