package io.tidings.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Who reaches which page of Karaf's web console once {@code tidings-webconsole} is installed: Karaf's
 * {@code admin} every page, the Tidings roles the Tidings page only (every other page 403), no
 * credentials or a wrong password 401, a guessed password throttled (429). Over plain HTTP, then in
 * Chromium through {@code src/test/browser/access.mjs}: the demo viewer sees no edit forms or action
 * buttons, the demo editor the template forms but no actions, the administrator everything.
 */
public class ConsoleAccessIT extends TidingsTestSupport {

    @Override
    protected String[] features() {
        return CONSOLE_FEATURES;
    }

    @Override
    protected Option[] options() {
        return new Option[] {
            editConfigurationFilePut("etc/users.properties", "olena", "olena,tidings-admin"),
            editConfigurationFilePut("etc/users.properties", "guesser", "guesser,tidings-viewer")};
    }

    @Test
    public void eachRoleReachesItsPagesAndTheBrowserShowsWhatItMayDo() throws Exception {
        awaitConsole("/tidings", "viewer");

        // without credentials or with a wrong password: 401 and the login prompt, on every page
        for (String page : new String[] {"/tidings", "/bundles"}) {
            HttpResponse<String> anonymous = WebConsole.get(page, null, null);
            assertEquals(page, 401, anonymous.statusCode());
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
            assertEquals(page, 401, WebConsole.get(page, "viewer", "wrong").statusCode());
        }
        // Karaf's administrator: every page
        assertEquals(200, WebConsole.get("/bundles", "karaf", "karaf").statusCode());
        assertEquals(200, WebConsole.get("/configMgr", "karaf", "karaf").statusCode());
        // Tidings roles: the Tidings page, not Karaf's pages
        for (String user : new String[] {"viewer", "editor", "olena"}) {
            assertEquals(user, 200, WebConsole.get("/tidings", user, user).statusCode());
            assertEquals(user, 200, WebConsole.get("/tidings/rules", user, user).statusCode());
            assertEquals(user, 200, WebConsole.get("/res/lib/reset-min.css", user, user).statusCode());
            for (String page : new String[] {"/bundles", "/configMgr", "/features", "/bundles.json"}) {
                HttpResponse<String> refused = WebConsole.get(page, user, user);
                assertEquals(user + " " + page, 403, refused.statusCode());
                assertTrue(refused.body(), refused.body().contains("needs Karaf's role admin"));
            }
            HttpResponse<String> root = WebConsole.get("", user, user);
            assertEquals(302, root.statusCode());
            assertTrue(root.headers().firstValue("Location").orElse(""),
                    root.headers().firstValue("Location").orElse("").endsWith("/system/console/tidings"));
        }
        // a host's role is no console role
        assertEquals(403, WebConsole.get("/tidings", "ingest", "ingest").statusCode());

        // tabs by role: the Access tab for tidings-admin, not for a viewer
        assertTrue(WebConsole.get("/tidings", "olena", "olena").body().contains(">Access</a>"));
        assertFalse(WebConsole.get("/tidings", "viewer", "viewer").body().contains(">Access</a>"));

        // a post the role does not allow is refused even with the session's token: an editor issues no API key
        String name = unique("editor-key");
        HttpResponse<String> issued = WebConsole.postForm("editor", "editor", "/tidings/templates", "/tidings/api-key/issue",
                "&name=" + name + "&role=tidings-ingest");
        assertEquals(issued.body(), 303, issued.statusCode());
        assertFalse(api().get("/api-keys").body().toString().contains(name));
        // a post without the session's token stays refused for everyone
        assertEquals(403, WebConsole.send(HttpRequest.newBuilder(URI.create(WebConsole.url("/tidings/devbox/clear")))
                .header("Authorization", WebConsole.basic("olena", "olena"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=forged"))).statusCode());

        // guessing a password: after 5 failures the user is refused for a while, the right password included
        for (int i = 0; i < 5; i++) {
            assertEquals(401, WebConsole.get("/tidings", "guesser", "guess" + i).statusCode());
        }
        HttpResponse<String> throttled = WebConsole.get("/tidings", "guesser", "guesser");
        assertEquals(throttled.body(), 429, throttled.statusCode());
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());

        browser();
    }

    private void browser() throws Exception {
        String template = unique("access-sms");
        Api.Response saved = api().put("/templates/" + template, Api.json("{'key':'" + template + "','name':'Klar',"
                + "'medium':'SMS','defaultLanguage':'da','contents':{'da':{'text':'Hej, ordre #order.number er klar.'}}}"));
        assertTrue(saved.raw(), saved.status() == 200 || saved.status() == 201);
        String rule = unique("access-later");
        Api.Response ruleSaved = api().put("/rules/" + rule, Api.json("{'key':'" + rule + "','name':'Later','event':'"
                + "order.access_later','templates':['" + template + "'],'recipients':['contact_information'],"
                + "'delay':'P3650D'}"));
        assertTrue(ruleSaved.raw(), ruleSaved.status() == 200 || ruleSaved.status() == 201);
        Api.Response posted = api().post("/events", Api.json("{'id':'" + unique("access-evt") + "','type':"
                + "'order.access_later','occurredAt':'2026-11-23T10:00:00+02:00','entity':{'type':'order','id':'7'},"
                + "'data':{'order':{'number':'7'},'contact_information':{'name':'Ірина','phone':'+380671234567',"
                + "'preferred_language':'uk','consent':{'sms':true}}}}"));
        assertEquals(posted.raw(), 202, posted.status());
        String scheduled = posted.body().get("communications").get(0).asText();
        awaitStatus(scheduled, Duration.ofSeconds(30), "SCHEDULED");

        BrowserScript.Result browser = BrowserScript.run("access.mjs", Map.of(
                "TIDINGS_CONSOLE", "http://127.0.0.1:" + httpPort() + "/system/console",
                "TIDINGS_TEMPLATE", template, "TIDINGS_SCHEDULED", scheduled,
                "TIDINGS_SCREENSHOTS", BrowserScript.screenshots()));
        assertEquals(browser.output(), 0, browser.exitCode());
        for (String check : new String[] {
            "ok: viewer sees the Tidings page without edit forms or action buttons",
            "ok: viewer gets 403 on /system/console/bundles",
            "ok: editor sees the template forms but no message actions",
            "ok: editor gets 403 on /system/console/bundles",
            "ok: karaf sees every tab, the template forms and the message actions",
            "ok: karaf opens /system/console/bundles"}) {
            assertTrue(browser.output(), browser.output().contains(check));
        }
        assertEquals("SCHEDULED", status(scheduled));
    }
}
