package io.tidings.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Tidings page of the Karaf web console in a stock Karaf with {@code tidings} and
 * {@code tidings-webconsole} installed, used in a real browser: the data is seeded over the REST
 * API, then {@code src/test/browser/webconsole.mjs} drives Debian's Chromium through the page
 * (Playwright) and checks what it shows; the REST API then confirms what the page changed.
 */
public class WebConsoleIT extends TidingsTestSupport {

    private static final String NAME = "Тарас <script>alert(1)</script> Шевченко";
    private static final String BODY = "ваш пристрій готовий до видачі в Сервіс на Хрещатику";
    private static final String DANISH = "din enhed er klar – på gensyn!";
    private static final String FRENCH = "votre appareil est prêt ; à très bientôt !";
    private static final String NEW_SUBJECT = "Ваше замовлення #order.number чекає на вас";

    @Override
    protected String[] features() {
        return new String[] {"tidings", "tidings-channel-devbox", "tidings-channel-smtp-core", "tidings-webconsole"};
    }

    @Before
    public void theConsoleIsUp() {
        awaitConsole("/tidings", "karaf");
    }

    @Test
    public void theConsoleRequiresALoginWithAConsoleRole() {
        assertEquals(401, WebConsole.get("/tidings", null, null).statusCode());
        assertEquals(401, WebConsole.get("/tidings/communications", "karaf", "wrong").statusCode());
        assertEquals("a host's role is no console role (see ConsoleAccessIT for the others)", 403,
                WebConsole.get("/tidings", "ingest", "ingest").statusCode());
        assertEquals(401, WebConsole.send(HttpRequest.newBuilder(URI.create(WebConsole.url("/tidings/devbox/clear")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=x"))).statusCode());
        HttpResponse<String> page = WebConsole.get("/tidings", "karaf", "karaf");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse(""), page.headers().firstValue("Content-Type")
                .orElse("").toLowerCase().contains("charset=utf-8"));
        assertTrue(page.body(), page.body().contains("<nav class='tidings-tabs'>"));
    }

    /** A change made on the page is audited with the user logged in to the console, as a REST change is. */
    @Test
    public void aChangeOnThePageLeavesAnAuditEntryWithItsUser() {
        HttpResponse<String> cleared = WebConsole.postForm("karaf", "karaf", "/tidings/devbox", "/tidings/devbox/clear", "");

        assertEquals(cleared.body(), 303, cleared.statusCode());
        JsonNode entry = api().get("/audit?object=devbox&limit=1").body().get(0);
        assertEquals(entry.toString(), "karaf", entry.get("actor").asText());
        assertEquals("cleared", entry.get("action").asText());
    }

    /** The Access tab issues an API key that a host can post events with, audited; the trail is shown there. */
    @Test
    public void theAccessTabIssuesAnApiKey() {
        String name = "console-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> issued = WebConsole.postForm("karaf", "karaf", "/tidings/access", "/tidings/api-key/issue",
                "&name=" + name + "&role=tidings-ingest");

        assertEquals(issued.body(), 303, issued.statusCode());
        JsonNode key = null;
        for (JsonNode k : api().get("/api-keys").body()) {
            key = name.equals(k.get("name").asText()) ? k : key;
        }
        assertTrue("the key is listed", key != null);
        assertEquals("tidings-ingest", key.get("roles").get(0).asText());
        JsonNode entry = api().get("/audit?object=api-key&actor=karaf&limit=1").body().get(0);
        assertEquals("issued", entry.get("action").asText());
        assertTrue(entry.toString(), entry.get("detail").asText().contains(name));
        String page = WebConsole.get("/tidings/access", "karaf", "karaf").body();
        assertTrue(page, page.contains(name));
    }

    /** Every configurable component has a Metatype description, so the console's configuration page has a form. */
    @Test
    public void theConfigurationPageOffersFormsForTheStoreAndTheChannels() {
        HttpResponse<String> page = WebConsole.get("/configMgr", "karaf", "karaf");
        assertEquals(200, page.statusCode());
        for (String form : new String[] { "Tidings store", "Tidings devbox", "Tidings SMTP channel", "Tidings dispatch" }) {
            assertTrue(form + " in the configuration page", page.body().contains("\"name\":\"" + form + "\""));
        }
    }

    @Test
    public void anAdministratorWorksThroughThePageInABrowser() throws Exception {
        String key = unique("pickup");
        String entityId = unique("WC");
        String email = unique("taras") + "@example.com";
        Api.Response template = api().put("/templates/" + key, Api.json("{'key':'" + key + "','name':'Pickup',"
                + "'medium':'EMAIL','defaultLanguage':'uk','contents':{"
                + "'uk':{'subject':'Замовлення #order.number готове','html':'<p>Шановний(а) #contact_information.name, "
                + BODY.replace("Сервіс на Хрещатику", "#location.name") + ".</p>'},"
                + "'da':{'subject':'Ordre #order.number er klar','html':'<p>Kære #contact_information.name, " + DANISH + "</p>'},"
                + "'fr':{'subject':'Commande #order.number prête','html':'<p>Bonjour #contact_information.name, " + FRENCH
                + "</p>'}}}"));
        assertTrue(template.raw(), template.status() == 200 || template.status() == 201);
        Api.Response rule = api().put("/rules/" + key, Api.json("{'key':'" + key + "','name':'Pickup','event':"
                + "'order.ready_for_pickup','templates':['" + key + "'],'recipients':['contact_information'],"
                + "'purpose':'TRANSACTIONAL','enabled':true}"));
        assertTrue(rule.raw(), rule.status() == 200 || rule.status() == 201);
        assertEquals(200, api().post("/consent", Api.json("{'address':'" + email + "','purpose':'MARKETING',"
                + "'choice':'OPT_OUT'}")).status());
        Api.Response posted = api().post("/events", Api.json("{'id':'" + unique("e") + "','type':'order.ready_for_pickup',"
                + "'occurredAt':'2026-11-23T10:00:00+02:00','entity':{'type':'order','id':'" + entityId + "'},'data':{"
                + "'order':{'number':'" + entityId + "'},'location':{'name':'Сервіс на Хрещатику'},"
                + "'contact_information':{'name':'" + NAME + "','email':'" + email + "','preferred_language':'uk',"
                + "'consent':{'email':true}}}}"));
        assertEquals(posted.raw(), 202, posted.status());
        String communication = posted.body().get("communications").get(0).asText();
        awaitStatus(communication, Duration.ofSeconds(60), "SENT");

        String sendTo = "written-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
        Map<String, String> environment = Map.ofEntries(
                Map.entry("TIDINGS_CONSOLE", WebConsole.url("/tidings")),
                Map.entry("TIDINGS_API", httpUrl("")
                        + "/tidings/api/v1"),
                Map.entry("TIDINGS_USER", "karaf"),
                Map.entry("TIDINGS_PASSWORD", "karaf"),
                Map.entry("TIDINGS_ENTITY_TYPE", "order"),
                Map.entry("TIDINGS_ENTITY_ID", entityId),
                Map.entry("TIDINGS_COMMUNICATION", communication),
                Map.entry("TIDINGS_BODY", BODY),
                Map.entry("TIDINGS_NAME", NAME),
                Map.entry("TIDINGS_RECIPIENT", email),
                Map.entry("TIDINGS_TEMPLATE", key),
                Map.entry("TIDINGS_TEMPLATE_VERSION", "1"),
                Map.entry("TIDINGS_NEW_SUBJECT", NEW_SUBJECT),
                Map.entry("TIDINGS_OTHER_LANGUAGE_TEXTS", DANISH + "|" + FRENCH),
                Map.entry("TIDINGS_RULE", key),
                Map.entry("TIDINGS_SEND_TO", sendTo),
                Map.entry("TIDINGS_SCREENSHOTS", BrowserScript.screenshots()));
        BrowserScript.Result run = BrowserScript.run("webconsole.mjs", environment);
        assertEquals(run.output(), 0, run.exitCode());
        for (String check : new String[] { "ok: overview shows the channels",
            "ok: the communication shows its Ukrainian body and the <script> name as text",
            "ok: the devbox shows the kept HTML in a sandboxed frame",
            "ok: the visual view keeps #contact_information.name, #location.name through a round trip",
            "ok: the syntax error is refused (Not saved: contents.uk.html (line 1, column",
            "ok: a file is added in the editor, its wrong URL named at the field while typing",
            "ok: an edit over a version saved in between is refused and kept",
            "ok: the valid edit is saved as version 3", "ok: the preview renders",
            "ok: rule " + key + " is disabled through the page",
            "ok: the rule shows its emails of the last 30 days",
            "ok: posts without or with a wrong CSRF token are refused (403)",
            "ok: the consent lookup shows the opt-out",
            "ok: an administrator records an opt-in on the Consent tab",
            "ok: a new template is refused with its unknown tag, kept, then created",
            "ok: a message written on the Send tab is refused without consent, kept, then accepted",
            "ok: the contact is erased from the Consent tab, its opt-out kept",
            "ok: no dialog fired" }) {
            assertTrue(check + " in:\n" + run.output(), run.output().contains(check));
        }
        // the erased contact has no message left on record, and its opt-out stands
        assertEquals(0, api().get("/communications?contact=" + email).body().size());
        assertEquals("OPTED_OUT", api().get("/consent?address=" + email).body().get("purposes").get("MARKETING").asText());
        // the template created on the page, as the REST API sees it
        JsonNode created = api().get("/templates/" + key + "-sms").body();
        assertEquals(created.toString(), "SMS", created.get("medium").asText());
        assertEquals("Замовлення #order.number готове", created.get("contents").get("uk").get("text").asText());
        // the message written on the Send tab went out, once
        JsonNode sent = api().get("/communications?contact=" + sendTo).body();
        assertEquals(sent.toString(), 1, sent.size());
        assertEquals("tidings.manual", sent.get(0).get("rule").asText());

        // what the page changed, as the REST API sees it: the rule is off; after the script's own save
        // over REST (version 2) the page saved once (version 3), neither the syntax error nor the stale edit
        assertFalse(api().get("/rules/" + key).body().get("enabled").asBoolean());
        JsonNode saved = api().get("/templates/" + key).body();
        assertEquals(3, saved.get("version").asInt());
        assertEquals(NEW_SUBJECT, saved.get("contents").get("uk").get("subject").asText());
        assertTrue(saved.toString(), saved.get("contents").get("da").get("html").asText().contains(DANISH));
        assertEquals("Pickup", saved.get("name").asText());
        // the file added on the page, saved with the text in the same version
        JsonNode file = saved.get("attachments").get(0);
        assertEquals(saved.toString(), "Рахунок.pdf", file.get("filename").asText());
        assertEquals("bill.pdf", file.get("field").asText());
        assertEquals("application/pdf", file.get("contentType").asText());
        assertEquals("Pickup (edited over REST)", api().get("/templates/" + key + "/versions/2").body().get("name").asText());
        assertEquals("Замовлення #order.number готове",
                api().get("/templates/" + key + "/versions/1").body().get("contents").get("uk").get("subject").asText());
    }
}
