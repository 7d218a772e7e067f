package io.tidings.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A template's version history on the Tidings page in a real Karaf, used in Chromium
 * ({@code src/test/browser/history.mjs}): two edits, the diff of the first version against the
 * current one, a roll back to it, and a delete refused while a rule uses the template; the REST API
 * then confirms the versions, the audit trail and the refusal.
 */
public class TemplateHistoryIT extends TidingsTestSupport {

    @Override
    protected String[] features() {
        return CONSOLE_FEATURES;
    }

    @Before
    public void theConsoleIsUp() {
        awaitConsole("/tidings/templates", "karaf");
    }

    @Test
    public void anEditorComparesRollsBackAndCannotDeleteATemplateInUse() throws Exception {
        String prefix = unique("th").toLowerCase();
        String template = prefix + "-ready";
        ok(api().put("/templates/" + template, Api.json("{'key':'" + template + "','name':'Cykel klar','medium':'SMS',"
                + "'defaultLanguage':'da','contents':{'da':{'text':'Hej #contact_information.name, din cykel er klar"
                + " til afhentning.'}}}")));
        String rule = prefix + "-repair";
        ok(api().put("/rules/" + rule, Api.json("{'key':'" + rule + "','name':'Reparation klar',"
                + "'event':'repair.ready','templates':['" + template + "'],'purpose':'TRANSACTIONAL'}")));

        BrowserScript.Result browser = BrowserScript.run("history.mjs", Map.of(
                "TIDINGS_CONSOLE", "http://127.0.0.1:" + httpPort() + "/system/console/tidings",
                "TIDINGS_USER", "karaf", "TIDINGS_PASSWORD", "karaf", "TIDINGS_TEMPLATE", template,
                "TIDINGS_RULE", rule, "TIDINGS_SCREENSHOTS", BrowserScript.screenshots()));
        assertEquals(browser.output(), 0, browser.exitCode());
        for (String check : new String[] {"ok: the template is edited twice",
            "ok: the history shows who saved each version and when (karaf, ",
            "ok: the diff marks version 1's line removed and the current line added",
            "ok: rolled back: version 1's text is current as version 4",
            "ok: deleting " + template + " is refused while " + rule + " uses it"}) {
            assertTrue(browser.output(), browser.output().contains(check));
        }

        JsonNode versions = api().get("/templates/" + template + "/versions").body();
        assertEquals(versions.toString(), 4, versions.size());
        for (JsonNode version : versions) {
            // saved on the page (2 to 4) or over REST (1), each by its user, with its time
            assertEquals(versions.toString(), "karaf", version.get("savedBy").asText());
            assertTrue(versions.toString(), version.get("savedAt").asText().matches("\\d{4}-\\d{2}-\\d{2}T.*Z"));
        }
        JsonNode current = api().get("/templates/" + template).body();
        assertEquals("Hej #contact_information.name, din cykel er klar til afhentning.",
                current.at("/contents/da/text").asText());
        JsonNode audit = api().get("/audit?object=template&actor=karaf&limit=10").body();
        assertTrue(audit.toString(), audit.toString().contains("rolled back"));
        Api.Response refused = api().delete("/templates/" + template);
        assertEquals(refused.raw(), 409, refused.status());
        assertTrue(refused.raw(), refused.raw().contains("used by rules: " + rule));
    }

    private static void ok(Api.Response response) {
        assertTrue(response.raw(), response.status() == 200 || response.status() == 201);
    }
}
