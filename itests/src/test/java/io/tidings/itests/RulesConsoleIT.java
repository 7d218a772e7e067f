package io.tidings.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Rules and Locations tabs of the Tidings page in a real Karaf, used in Chromium
 * ({@code src/test/browser/rules.mjs}): an administrator creates a location and a rule for it with a
 * condition and a reminder, copies a rule to two locations and is warned that the copies and their
 * original both match, and tries an event; the REST API then confirms what the pages stored.
 */
public class RulesConsoleIT extends TidingsTestSupport {

    @Override
    protected String[] features() {
        return CONSOLE_FEATURES;
    }

    @Before
    public void theConsoleIsUp() {
        awaitConsole("/tidings/rules", "karaf");
    }

    @Test
    public void anAdministratorSetsUpRulesAndLocationsInABrowser() throws Exception {
        String prefix = unique("rc").toLowerCase();
        String template = prefix + "-visit";
        ok(api().put("/templates/" + template, Api.json("{'key':'" + template + "','name':'Visit reminder',"
                + "'medium':'EMAIL','defaultLanguage':'uk','contents':{'uk':{'subject':'Нагадування: #booking.number',"
                + "'text':'Шановна #contact_information.name, чекаємо на вас #booking.start_at.'}}}")));
        String offer = prefix + "-offer";
        ok(api().put("/rules/" + offer, Api.json("{'key':'" + offer + "','name':'Offer','event':'campaign.offer',"
                + "'templates':['" + template + "'],'purpose':'MARKETING'}")));
        String[] copyTo = {prefix + "-odense", prefix + "-lyon"};
        ok(api().put("/locations/" + copyTo[0], Api.json("{'name':'Værksted i Odense','timeZone':'Europe/Copenhagen',"
                + "'country':'DK'}")));
        ok(api().put("/locations/" + copyTo[1], Api.json("{'name':'Atelier de Lyon','timeZone':'Europe/Paris',"
                + "'country':'FR'}")));

        String event = prefix + "-e1";
        Api.Response posted = api().post("/events", Api.json("{'id':'" + event + "','type':'campaign.offer','occurredAt':'"
                + java.time.OffsetDateTime.now() + "','entity':{'type':'campaign','id':'" + prefix + "-c1'},'data':{"
                + "'contact_information':{'name':'Ida Ørsted','email':'" + prefix + "@example.dk','preferred_language':"
                + "'da','consent':{'email':true,'marketing':true}}}}"));
        assertEquals(posted.raw(), 202, posted.status());

        BrowserScript.Result browser = BrowserScript.run("rules.mjs", Map.of(
                "TIDINGS_CONSOLE", "http://127.0.0.1:" + httpPort() + "/system/console/tidings",
                "TIDINGS_USER", "karaf", "TIDINGS_PASSWORD", "karaf", "TIDINGS_PREFIX", prefix,
                "TIDINGS_TEMPLATE", template, "TIDINGS_OFFER_RULE", offer,
                "TIDINGS_COPY_TO", String.join(",", copyTo), "TIDINGS_RECENT_EVENT", event,
                "TIDINGS_SCREENSHOTS", BrowserScript.screenshots()));
        assertEquals(browser.output(), 0, browser.exitCode());
        for (String check : new String[] {"ok: the location " + prefix + "-lviv is created with its working hours",
            "ok: a broken condition is shown while typing",
            "ok: the field picker inserts a catalogue field and the condition is accepted",
            "ok: a refused save comes back as typed with the error under its field",
            "ok: the rule " + prefix + "-reminder is created",
            "ok: the edit form shows the rule as saved",
            "ok: copied " + offer + " to " + copyTo[0] + " and " + copyTo[1] + " with the duplicate warning",
            "ok: the tried event matches the new rule and plans its reminder at 13:00",
            "ok: a recent event from the record is tried again", "ok: the rule list counts the offer " + offer + " sent"}) {
            assertTrue(browser.output(), browser.output().contains(check));
        }

        JsonNode location = api().get("/locations/" + prefix + "-lviv").body();
        assertEquals(location.toString(), "Europe/Kyiv", location.get("timeZone").asText());
        assertEquals("14:00-18:00", location.get("workingHours").get("MON").get(1).asText());
        assertEquals(0, location.get("workingHours").get("SUN").size());
        JsonNode rule = api().get("/rules/" + prefix + "-reminder").body();
        assertEquals(rule.toString(), "booking.participants > 1", rule.get("condition").asText());
        assertEquals(prefix + "-lviv", rule.get("locations").get(0).asText());
        assertEquals("booking.start_at", rule.get("reminder").get("field").asText());
        assertEquals("[\"contact_information\",\"visits@example.com.ua\"]", rule.get("recipients").toString());
        assertEquals("13:00", rule.get("reminder").get("at").asText());
        assertEquals(1, rule.get("reminder").get("daysBefore").asInt());
        for (String target : copyTo) {
            JsonNode copy = api().get("/rules/" + offer + "-" + target).body();
            assertEquals(copy.toString(), target, copy.get("locations").get(0).asText());
        }
        JsonNode audit = api().get("/audit?object=rule&actor=karaf&limit=5").body();
        assertTrue(audit.toString(), audit.toString().contains("bulk-changed"));
    }

    private static void ok(Api.Response response) {
        assertTrue(response.raw(), response.status() == 200 || response.status() == 201);
    }
}
