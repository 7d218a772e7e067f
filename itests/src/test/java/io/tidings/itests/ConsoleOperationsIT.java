package io.tidings.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.time.Duration;
import java.util.Map;

import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An administrator's operations in the web console, in Chromium: the template editor's SMS counter,
 * # autocomplete and blank-value warning; cancelling a scheduled message and retrying a failed one; a
 * test message from the Channels tab into the devbox; pausing and resuming all sending and draining a
 * channel; screenshots of every page. The REST API then
 * confirms what the console did, and the audit trail records it.
 */
public class ConsoleOperationsIT extends TidingsTestSupport {

    /** Rendering may write this much per message here, so that a long name fails a message. */
    private static final int RENDER_CAP = 2_000;

    @Override
    protected String[] features() {
        return CONSOLE_FEATURES;
    }

    @Override
    protected Option[] options() {
        return new Option[] {editConfigurationFilePut("etc/io.tidings.templates.cfg", "maxOutputCharacters",
                Integer.toString(RENDER_CAP))};
    }

    @Test
    public void anAdministratorWritesATemplateActsOnMessagesAndTestsAChannel() throws Exception {
        awaitConsole("/tidings", "karaf");
        ok(api().put("/templates/ops-sms", Api.json("{'key':'ops-sms','name':'Ready by SMS','medium':'SMS',"
                + "'defaultLanguage':'da','contents':{'da':{'text':'Hej, ordre #order.number er klar.'}}}")));
        ok(api().put("/templates/ops-mail", Api.json("{'key':'ops-mail','name':'Ready','medium':'EMAIL',"
                + "'defaultLanguage':'uk','contents':{'uk':{'subject':'Замовлення #order.number готове',"
                + "'text':'Вітаємо, #contact_information.name!'}}}")));
        rule("console-ready", "order.console_ready", null);
        rule("console-later", "order.console_later", "P3650D");

        String scheduled = post("order.console_later", "Søren");
        awaitStatus(scheduled, Duration.ofSeconds(30), "SCHEDULED");
        // a name longer than rendering may write fails the message at once
        String failed = post("order.console_ready", "О".repeat(RENDER_CAP + 100));
        awaitStatus(failed, Duration.ofSeconds(60), "FAILED");

        File screenshots = new File(new File(BrowserScript.screenshots()).getParentFile(), "screenshots");
        BrowserScript.Result browser = BrowserScript.run("operations.mjs", Map.of(
                "TIDINGS_CONSOLE", "http://127.0.0.1:" + httpPort() + "/system/console/tidings",
                "TIDINGS_USER", "karaf", "TIDINGS_PASSWORD", "karaf", "TIDINGS_TEMPLATE", "ops-sms",
                "TIDINGS_SCHEDULED", scheduled, "TIDINGS_FAILED", failed,
                "TIDINGS_SCREENSHOTS", screenshots.getPath()));
        assertEquals(browser.output(), 0, browser.exitCode());
        for (String check : new String[] {"ok: the SMS counter follows the text typed into the code editor: GSM-7, then UCS-2",
            "ok: the counter as typed matches the engine's count of the rendered text",
            "ok: a syntax error is shown while typing (contents.da.text (line 2, column",
            ", marked at line 2 of the editor) and goes when mended",
            "ok: #con offers contact_information, then . offers name (",
            "with its description; picked by click and Enter",
            "ok: the preview warns of #contact_information.name rendering blank",
            "ok: the scheduled message is cancelled",
            "ok: the failed message is retried",
            "ok: the queue shows waiting messages by channel",
            "ok: a test message went through the devbox channel",
            "ok: all sending is paused, shown paused, and resumed",
            "ok: the devbox channel is drained, shown DRAINED, and resumed",
            "ok: the tag catalogue filters as you type",
            "ok: an address is added to the suppression list, shown, and removed once confirmed"}) {
            assertTrue(browser.output(), browser.output().contains(check));
        }

        assertEquals("CANCELLED", status(scheduled));
        assertTrue(audited("cancelled", scheduled));
        assertTrue(audited("retried", failed));
        JsonNode tested = api().get("/audit?object=channel&limit=5").body();
        assertTrue(tested.toString(), tested.toString().contains("\"tested\""));
        assertTrue(tested.toString(), tested.toString().contains("\"drained\""));
        JsonNode suppression = api().get("/audit?object=suppression&limit=5").body();
        assertTrue(suppression.toString(), suppression.toString().contains("\"suppressed\"")
                && suppression.toString().contains("\"unsuppressed\""));
        JsonNode dispatch = api().get("/audit?object=dispatch&limit=5").body();
        assertTrue(dispatch.toString(), dispatch.toString().contains("\"paused\"")
                && dispatch.toString().contains("\"resumed\""));
        for (String page : new String[] {"template-editor", "template-editor-autocomplete",
            "template-editor-problem", "communication", "queue", "channels", "tags"}) {
            assertTrue(page, new File(screenshots, page + ".png").isFile());
        }
    }

    private boolean audited(String action, String id) {
        for (JsonNode entry : api().get("/audit?object=communication:" + id + "&limit=10").body()) {
            if (action.equals(entry.path("action").asText()) && "karaf".equals(entry.path("actor").asText())) {
                return true;
            }
        }
        return false;
    }

    private void rule(String key, String event, String delay) {
        ok(api().put("/rules/" + key, Api.json("{'key':'" + key + "','name':'" + key + "','event':'" + event
                + "','templates':['ops-mail'],'recipients':['contact_information']"
                + (delay == null ? "" : ",'delay':'" + delay + "'") + "}")));
    }

    /** Posts an event for a new address and answers its communication's id. */
    private String post(String type, String name) {
        Api.Response posted = api().post("/events", Api.json("{'id':'" + unique("console-evt") + "','type':'" + type
                + "','occurredAt':'2026-11-23T10:00:00+02:00','entity':{'type':'order','id':'88'},'data':{'order':"
                + "{'number':'88'},'contact_information':{'name':'" + name + "','email':'" + unique("ops")
                + "@example.com','preferred_language':'uk','consent':{'email':true}}}}"));
        assertEquals(posted.raw(), 202, posted.status());
        return posted.body().get("communications").get(0).asText();
    }

    private static void ok(Api.Response response) {
        assertTrue(response.raw(), response.status() == 200 || response.status() == 201);
    }
}
