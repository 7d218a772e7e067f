package io.tidings.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.Map;

import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * The Units tab and the unit-limited console in Chromium: an administrator creates and deletes a unit,
 * and a user with the role {@code tidings-unit-north} sees only the rules of north and below.
 */
public class UnitsConsoleIT extends TidingsTestSupport {

    @Override
    protected String[] features() {
        return CONSOLE_FEATURES;
    }

    @Override
    protected Option[] options() {
        return new Option[] {
            editConfigurationFilePut("etc/users.properties", "north-editor",
                    "north-editor,tidings-editor,tidings-unit-north"),
        };
    }

    @Test
    public void administratorsManageTheTreeAndAUnitUserSeesItsSubtree() throws Exception {
        awaitConsole("/tidings/units", "karaf");
        ok(api().put("/units/head", Api.json("{'name':'Head office','parent':null}")));
        ok(api().put("/units/north", Api.json("{'name':'North','parent':'head'}")));
        ok(api().put("/units/south", Api.json("{'name':'South','parent':'head'}")));
        ok(api().put("/units/shop-n1", Api.json("{'name':'Shop N1','parent':'north'}")));
        String template = unique("units-tpl");
        ok(api().put("/templates/" + template, Api.json("{'name':'Units','medium':'SMS','defaultLanguage':'da',"
                + "'contents':{'da':{'text':'Din ordre er klar'}}}")));
        String shopRule = unique("shop-rule");
        String southRule = unique("south-rule");
        for (String[] rule : new String[][] {{shopRule, "shop-n1"}, {southRule, "south"}}) {
            ok(api().put("/rules/" + rule[0], Api.json("{'key':'" + rule[0] + "','name':'" + rule[0] + "','event':"
                    + "'order.created','templates':['" + template + "'],'unit':'" + rule[1] + "'}")));
        }

        String fresh = unique("butik");
        BrowserScript.Result browser = BrowserScript.run("units.mjs", Map.of(
                "TIDINGS_CONSOLE", "http://127.0.0.1:" + httpPort() + "/system/console/tidings",
                "TIDINGS_NEW_UNIT", fresh, "TIDINGS_SHOP_RULE", shopRule, "TIDINGS_SOUTH_RULE", southRule,
                "TIDINGS_SCREENSHOTS", BrowserScript.screenshots()));
        assertEquals(browser.output(), 0, browser.exitCode());
        for (String check : new String[] {"ok: a unit is created below its parent", "ok: a unit is deleted once",
            "ok: a user with tidings-unit-north sees only"}) {
            assertTrue(browser.output(), browser.output().contains(check));
        }
        assertEquals(404, api().get("/units/" + fresh).status());
        String audit = api().get("/audit?object=unit:" + fresh).raw();
        assertTrue(audit, audit.contains("\"created\"") && audit.contains("\"deleted\""));
    }

    private static void ok(Api.Response response) {
        assertTrue(response.raw(), response.status() == 200 || response.status() == 201);
    }
}
