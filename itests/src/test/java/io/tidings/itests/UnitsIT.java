package io.tidings.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Organisational units in a real Karaf: the tree head → north → shop-n1 and head → south, rules and
 * communications of units, a unit-scoped API key and a user with the role {@code tidings-unit-north}.
 */
public class UnitsIT extends TidingsTestSupport {

    private static final String TEMPLATE = "{'name':'Units','medium':'SMS','defaultLanguage':'da',"
            + "'contents':{'da':{'text':'Din ordre er klar'}}%s}";

    @Override
    protected Option[] options() {
        return new Option[] {
            // an editor limited to the north region and the units below it
            editConfigurationFilePut("etc/users.properties", "north-editor",
                    "north-editor,tidings-editor,tidings-unit-north"),
        };
    }

    private Api northEditor() {
        return api("north-editor", "north-editor");
    }

    @Before
    public void theTree() {
        awaitApi();
        ok(api().put("/units/head", Api.json("{'name':'Head office','parent':null}")));
        ok(api().put("/units/north", Api.json("{'name':'North','parent':'head'}")));
        ok(api().put("/units/south", Api.json("{'name':'South','parent':'head'}")));
        ok(api().put("/units/shop-n1", Api.json("{'name':'Shop N1','parent':'north'}")));
    }

    @Test
    public void unitsAreManagedAsATreeWithClearErrors() {
        Api.Response units = api().get("/units");
        assertEquals(units.raw(), 200, units.status());
        assertEquals("north", find(units.body(), "key", "shop-n1").get("parent").asText());
        assertEquals("Shop N1", api().get("/units/shop-n1").body().get("name").asText());

        assertError(api().post("/units", Api.json("{'key':'Shop_2','name':'Shop 2','parent':'south'}")), 400, "key");
        assertError(api().post("/units", Api.json("{'key':'shop-s9','name':'Shop S9','parent':'nowhere'}")), 400,
                "parent");
        assertError(api().put("/units/head", Api.json("{'name':'Head office','parent':'shop-n1'}")), 400, "parent");
        assertError(api().post("/units", Api.json("{'key':'north','name':'North','parent':'head'}")), 409, "key");
        Api.Response refused = api().delete("/units/north");
        assertError(refused, 409, "key");
        assertTrue(refused.raw(), refused.body().get("error").asText().contains("unit:shop-n1"));
        assertEquals(404, api().get("/units/" + unique("none")).status());

        String leaf = unique("leaf");
        assertEquals(201, api().post("/units", Api.json("{'key':'" + leaf + "','name':'Leaf','parent':'south'}")).status());
        assertEquals(204, api().delete("/units/" + leaf).status());
        assertEquals(404, api().get("/units/" + leaf).status());
        assertEquals("a viewer may not change the tree", 403,
                api("editor", "editor").post("/units", Api.json("{'key':'x','name':'X'}")).status());
    }

    @Test
    public void anEventOfAUnitKeyMatchesOnlyItsUnitsAndAncestorsRulesAndIsSeenOnlyThere() {
        String type = "order." + unique("unit").replace("-", "_");
        String template = unique("units-tpl");
        ok(api().put("/templates/" + template, Api.json(TEMPLATE.formatted(""))));
        String headRule = rule(template, type, null);
        String northRule = rule(template, type, "north");
        String southRule = rule(template, type, "south");
        String shopRule = rule(template, type, "shop-n1");

        Api shopKey = key("shop-n1");
        Api southKey = key("south");

        Api.Response posted = shopKey.post("/events", event(type));
        assertEquals(posted.raw(), 202, posted.status());
        List<String> shopComms = ids(posted.body().get("communications"));
        Set<String> rules = new TreeSet<>();
        for (String id : shopComms) {
            JsonNode c = api().get("/communications/" + id).body();
            assertEquals("the communication carries the key's unit", "shop-n1", c.get("unit").asText());
            rules.add(c.get("rule").asText());
        }
        assertEquals("its unit's, its ancestors' and head office rules, not the sibling region's",
                new TreeSet<>(List.of(headRule, northRule, shopRule)), rules);

        Api.Response southPosted = southKey.post("/events", event(type));
        assertEquals(southPosted.raw(), 202, southPosted.status());
        List<String> southComms = ids(southPosted.body().get("communications"));
        Set<String> southRules = new TreeSet<>();
        southComms.forEach(id -> southRules.add(api().get("/communications/" + id).body().get("rule").asText()));
        assertEquals(new TreeSet<>(List.of(headRule, southRule)), southRules);

        // the shop's key sees its own communications, not the south's: 404, and absent from lists
        assertEquals(200, shopKey.get("/communications/" + shopComms.get(0)).status());
        assertEquals(404, shopKey.get("/communications/" + southComms.get(0)).status());
        List<String> listed = ids(shopKey.get("/communications?limit=1000").body(), "id");
        assertTrue(listed.containsAll(shopComms));
        assertFalse(listed.contains(southComms.get(0)));
        assertEquals(404, southKey.get("/communications/" + shopComms.get(0)).status());

        // rules: its own unit's and head office rules are visible; a region's (even its own region's) and the
        // sibling's are not, as a unit sees only what belongs to it or to units below
        List<String> keyRules = ids(shopKey.get("/rules").body(), "key");
        assertTrue(keyRules.containsAll(List.of(headRule, shopRule)));
        assertFalse(keyRules.contains(southRule));
        assertFalse(keyRules.contains(northRule));
        assertEquals(404, shopKey.get("/rules/" + southRule).status());
        assertEquals(404, shopKey.get("/rules/" + northRule).status());
        assertEquals(200, shopKey.get("/rules/" + shopRule).status());
        // a message written by the key's host is the unit's too
        Api.Response message = shopKey.post("/messages", Api.json("{'id':'" + unique("msg") + "','medium':'SMS',"
                + "'text':'Din ordre er klar','recipient':{'name':'Søren','phone':'+4520123456','consent':{'sms':true}}}"));
        assertEquals(message.raw(), 202, message.status());
        String written = message.body().get("communications").get(0).asText();
        assertEquals("shop-n1", shopKey.get("/communications/" + written).body().get("unit").asText());
        assertEquals(404, southKey.get("/communications/" + written).status());

        assertEquals("an event naming a unit outside the key's is refused", 403,
                shopKey.post("/events", event(type).replace("\"data\"", "\"unit\":\"south\",\"data\"")).status());
    }

    @Test
    public void aUserWithAUnitRoleSeesAndChangesOnlyItsSubtree() {
        String type = "order." + unique("user").replace("-", "_");
        String template = unique("units-tpl");
        ok(api().put("/templates/" + template, Api.json(TEMPLATE.formatted(""))));
        String headRule = rule(template, type, null);
        String shopRule = rule(template, type, "shop-n1");
        String southRule = rule(template, type, "south");

        List<String> visible = ids(northEditor().get("/rules").body(), "key");
        assertTrue(visible.containsAll(List.of(headRule, shopRule)));
        assertFalse(visible.contains(southRule));
        assertEquals(404, northEditor().get("/rules/" + southRule).status());
        assertEquals(404, northEditor().delete("/rules/" + southRule).status());
        assertEquals("south's rule is untouched", 200, api().get("/rules/" + southRule).status());

        Api.Response headChange = northEditor().put("/rules/" + headRule, ruleJson(headRule, template, type, null));
        assertError(headChange, 403, "unit");
        String elsewhere = unique("r");
        assertError(northEditor().put("/rules/" + elsewhere, ruleJson(elsewhere, template, type, "south")), 403, "unit");

        String own = unique("north-rule");
        Api.Response created = northEditor().put("/rules/" + own, ruleJson(own, template, type, null));
        assertEquals(created.raw(), 201, created.status());
        assertEquals("a missing unit is the user's single unit", "north", created.body().get("unit").asText());
        assertEquals(200, northEditor().put("/rules/" + shopRule, ruleJson(shopRule, template, type, "shop-n1"))
                .status());

        List<String> units = ids(northEditor().get("/units").body(), "key");
        assertEquals(new TreeSet<>(List.of("north", "shop-n1")), new TreeSet<>(units));

        // explain follows the same scoping: the event is of the user's unit, only its visible rules are listed
        Api.Response explained = northEditor().post("/rules/explain", event(type));
        assertEquals(explained.raw(), 200, explained.status());
        List<String> explainedRules = ids(explained.body(), "rule");
        assertFalse(explainedRules.toString(), explainedRules.contains(southRule));
        assertTrue(explainedRules.toString(), explainedRules.contains(own));
    }

    // ---- helpers

    private String rule(String template, String type, String unit) {
        String key = unique("rule");
        ok(api().put("/rules/" + key, ruleJson(key, template, type, unit)));
        return key;
    }

    private static String ruleJson(String key, String template, String type, String unit) {
        return Api.json("{'key':'" + key + "','name':'" + key + "','event':'" + type + "','templates':['" + template
                + "'],'recipients':['contact_information'],'unit':" + (unit == null ? "null" : "'" + unit + "'") + "}");
    }

    private Api key(String unit) {
        Api.Response issued = api().post("/api-keys", Api.json("{'name':'" + unique("host") + "','roles':"
                + "['tidings-ingest','tidings-viewer'],'unit':'" + unit + "'}"));
        assertEquals(issued.raw(), 201, issued.status());
        assertEquals(unit, issued.body().get("unit").asText());
        return Api.withKey(httpPort(), issued.body().get("token").asText());
    }

    private static String event(String type) {
        return Api.json("{'id':'" + unique("evt") + "','type':'" + type + "','occurredAt':'" + OffsetDateTime.now()
                + "','entity':{'type':'order','id':'" + unique("ORD") + "'},'data':{'contact_information':"
                + "{'name':'Søren','phone':'+4520123456','consent':{'sms':true}}}}");
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asText()));
        return ids;
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get(field).asText()));
        return ids;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.get(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " " + value + " in " + array);
    }

    private static void ok(Api.Response response) {
        assertTrue(response.raw(), response.status() == 200 || response.status() == 201);
    }

    private static void assertError(Api.Response response, int status, String field) {
        assertEquals(response.raw(), status, response.status());
        assertEquals(response.raw(), field, response.body().get("field").asText());
    }
}
