package io.tidings.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Log tab of the Tidings page in a real Karaf, used in Chromium ({@code src/test/browser/log.mjs}):
 * an administrator logs a phone call with a follow-up through the form, sees it in the contact's feed,
 * completes the follow-up, and sees both in the feed; the REST API then confirms what the pages stored.
 */
public class CommunicationLogConsoleIT extends TidingsTestSupport {

    @Override
    protected String[] features() {
        return CONSOLE_FEATURES;
    }

    @Before
    public void theConsoleIsUp() {
        awaitConsole("/tidings/log", "karaf");
    }

    @Test
    public void aCallIsLoggedWithAFollowUpThatIsCompletedInABrowser() throws Exception {
        String contact = unique("C");
        String owner = unique("agent").toLowerCase();
        String category = unique("delivery").toLowerCase();
        Api.Response saved = api().post("/communication-categories", Api.json("{'key':'" + category
                + "','name':'Delivery'}"));
        assertEquals(saved.raw(), 201, saved.status());

        BrowserScript.Result browser = BrowserScript.run("log.mjs", Map.of(
                "TIDINGS_CONSOLE", "http://127.0.0.1:" + httpPort() + "/system/console/tidings",
                "TIDINGS_USER", "karaf", "TIDINGS_PASSWORD", "karaf", "TIDINGS_CONTACT", contact,
                "TIDINGS_OWNER", owner, "TIDINGS_CATEGORY", category,
                "TIDINGS_SCREENSHOTS", BrowserScript.screenshots()));
        assertEquals(browser.output(), 0, browser.exitCode());
        for (String check : new String[] {
            "ok: a refused log form names the follow-up due time in words and keeps what was typed",
            "ok: the phone call is in the contact's feed", "ok: the logged call's page shows its follow-up",
            "ok: the follow-up is listed for its owner", "ok: the follow-up is completed and both calls are in the feed",
            "ok: no open follow-up is left"}) {
            assertTrue(browser.output(), browser.output().contains(check));
        }

        JsonNode items = api().get("/feed?contactId=" + contact).body().get("items");
        assertEquals(items.toString(), 2, items.size());
        JsonNode callBack = items.get(0);
        JsonNode call = items.get(1);
        assertEquals("manual", call.get("type").asText());
        assertEquals("PHONE", call.get("medium").asText());
        assertEquals(category, call.get("category").asText());
        assertEquals("karaf", call.get("owner").asText());
        assertEquals("Called back: delivered", callBack.get("subject").asText());
        assertEquals("the call back follows the call", call.get("id").asText(),
                callBack.get("communicationId").asText());
        JsonNode logged = api().get("/communications/" + call.get("id").asText()).body();
        assertEquals(logged.toString(), "Olena Kovalenko", logged.get("contact").get("name").asText());
        assertEquals(0, api().get("/follow-ups?owner=" + owner).body().size());
    }
}
