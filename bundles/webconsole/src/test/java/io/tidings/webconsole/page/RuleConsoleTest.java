package io.tidings.webconsole.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.webconsole.session.Access;

import io.tidings.api.NotificationService;
import io.tidings.api.Purpose;
import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditTrail;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.RuleService;

/**
 * The Rules tab through the console as a request reaches it: a viewer sees the list without forms
 * and cannot post; an editor's save is stored and audited, refused with what was typed kept.
 */
public class RuleConsoleTest {

    private final InMemoryRules rules = new InMemoryRules();
    private final Map<String, NotificationRule> stored = rules.stored;
    private final List<AuditEntry> trail = new ArrayList<>();

    private final Console console = new Console(new NoServices() {
        @Override
        public NotificationService notifications() {
            return engine("sentByRule", Map.of("ready", 3L));
        }

        @Override
        public RuleService rules() {
            return rules;
        }

        @Override
        public AuditTrail audit() {
            return NoServices.trail(trail);
        }
    });

    private static View view(boolean editor, String... namesAndValues) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
        }
        return new View("/system/console/tidings", params, "token", null, editor ? new Access(Access.Level.EDITOR, false) : new Access(Access.Level.VIEWER, false));
    }

    @Test
    public void aViewerSeesTheRulesWithoutAnyForm() {
        stored.put("ready", new NotificationRule("ready", "Готово", "order.status_changed", "ready", List.of(), null,
                List.of("ready-sms"), null, Purpose.TRANSACTIONAL, null, true));

        String page = console.page("/rules", view(false)).toString();

        assertTrue(page, page.contains("<tr data-rule='ready'>"));
        assertTrue(page, page.contains("Готово"));
        assertTrue(page, page.contains("<td class='tidings-sent-all'>3</td>"));
        assertFalse(page, page.contains("method='post'"));
        assertFalse(page, page.contains("New rule"));
        String form = console.page("/rule/edit", view(false)).toString();
        assertTrue(form, form.contains("needs the role tidings-editor") && !form.contains("<form"));
        String tryPage = console.page("/rules/try", view(false, "from", "e-1")).toString();
        assertTrue(tryPage, tryPage.contains("needs the role tidings-editor") && !tryPage.contains("<textarea"));
    }

    @Test
    public void aViewersPostIsRefusedAndChangesNothing() {
        Redirect refused = console.post("/rule/save", view(false, "key", "x", "event", "order.created", "templates",
                "t"), "viewer");

        assertTrue(refused.flash().error());
        assertTrue(refused.flash().message(), refused.flash().message().contains("tidings-editor"));
        assertTrue(stored.isEmpty());
        assertTrue(trail.isEmpty());
    }

    @Test
    public void anEditorsRuleIsStoredAndAudited() {
        Redirect done = console.post("/rule/save", view(true, "key", "offer", "name", "Tilbud", "event",
                "campaign.offer", "templates", "offer-email", "purpose", "MARKETING", "enabled", "on"), "karaf");

        assertFalse(done.flash().message(), done.flash().error());
        assertEquals("Created rule offer.", done.flash().message());
        assertEquals(Purpose.MARKETING, stored.get("offer").purpose());
        assertEquals("created", trail.get(0).action());
        assertEquals("offer", trail.get(0).objectKey());
        assertEquals("karaf", trail.get(0).actor());
    }

    @Test
    public void aCopyThatMatchesLikeItsOriginalIsSavedWithAWarning() {
        stored.put("offer", new NotificationRule("offer", "Offer", "campaign.offer", null, List.of(), null,
                List.of("offer-email"), null, Purpose.MARKETING, null, true));

        Redirect done = console.post("/rule/save", view(true, "key", "offer-lyon", "event", "campaign.offer",
                "templates", "offer-email", "purpose", "MARKETING", "locations", "lyon", "enabled", "on"), "karaf");

        assertTrue(done.flash().message(), done.flash().message().contains("Warning: rules offer and offer-lyon both"
                + " match campaign.offer at lyon"));
    }

    @Test
    public void aRefusedSaveKeepsWhatWasTypedAndNamesTheFieldInWords() {
        Redirect refused = console.post("/rule/save", view(true, "key", "offer", "event", "campaign.offer",
                "condition", "order.total > 100"), "karaf");

        assertTrue(refused.flash().error());
        assertEquals("/rule/edit", refused.path());
        assertEquals("templates", refused.flash().field());
        assertEquals("Not saved: Templates: at least one template is required", refused.flash().message());
        assertEquals("order.total > 100", refused.flash().values().get("condition"));
        assertTrue(trail.isEmpty());
    }

    @Test
    public void aDeleteIsAskedFirstThenDone() {
        stored.put("old", new NotificationRule("old", "Old", "order.created", null, List.of(), null, List.of("t"), null,
                null, null, true));

        String ask = console.page("/rule/delete", view(true, "key", "old")).toString();
        assertTrue(ask, ask.contains("Delete rule old?") && ask.contains("<button type='submit'>Delete rule</button>"));
        assertTrue("a GET deletes nothing", stored.containsKey("old"));

        Redirect done = console.post("/rule/delete", view(true, "key", "old"), "karaf");
        assertEquals("Deleted rule old.", done.flash().message());
        assertTrue(stored.isEmpty());
        assertEquals("deleted", trail.get(0).action());
    }

    @Test
    public void aBulkDeleteNeedsItsTickAndABulkDisableSwitchesEverySelectedRuleOff() {
        for (String key : new String[] {"a", "b"}) {
            stored.put(key, new NotificationRule(key, key, "order.created", null, List.of(), null, List.of("t"), null,
                    null, null, true));
        }
        Map<String, String[]> both = new LinkedHashMap<>();
        both.put("rules", new String[] {"a", "b"});
        both.put("action", new String[] {"delete"});

        Redirect refused = console.post("/rules/bulk", new View("/system/console/tidings", both, null, null, new Access(Access.Level.EDITOR, false)), "karaf");
        assertTrue(refused.flash().error());
        assertEquals("Not changed: tick \"Yes, delete the selected rules\" to delete them", refused.flash().message());
        assertEquals(2, stored.size());
        assertTrue("nothing changed, nothing audited", trail.isEmpty());

        both.put("action", new String[] {"disable"});
        Redirect done = console.post("/rules/bulk", new View("/system/console/tidings", both, null, null, new Access(Access.Level.EDITOR, false)), "karaf");
        assertEquals("Disabled rules a, b.", done.flash().message());
        assertFalse(stored.get("a").enabled() || stored.get("b").enabled());
        assertEquals("disable a, b", trail.get(0).detail());
    }
}
