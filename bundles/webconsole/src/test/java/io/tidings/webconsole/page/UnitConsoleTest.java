package io.tidings.webconsole.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.Test;

import io.tidings.api.NotificationService;
import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditTrail;
import io.tidings.api.access.Unit;
import io.tidings.api.access.UnitInUseException;
import io.tidings.api.access.UnitTree;
import io.tidings.api.access.Units;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.RuleService;
import io.tidings.webconsole.session.Access;

/**
 * Units in the console: administrators manage the tree on the Units tab, and a user with the role
 * {@code tidings-unit-north} sees and changes only the rules of north and the units below it.
 */
public class UnitConsoleTest {

    /** The unit tree in memory, with the tree rules of the store: a parent must exist, no cycles. */
    private static final class MemoryUnits implements Units {
        final Map<String, Unit> units = new TreeMap<>();
        final List<String> belonging = new ArrayList<>();

        @Override
        public List<Unit> units() {
            return List.copyOf(units.values());
        }

        @Override
        public Optional<Unit> unit(String key) {
            return Optional.ofNullable(units.get(key));
        }

        @Override
        public boolean save(Unit unit) {
            unit.validate();
            UnitTree tree = new UnitTree(units.values());
            if (unit.parent() != null && !tree.contains(unit.parent())) {
                throw new ValidationException("parent", "no unit '" + unit.parent() + "'");
            }
            if (tree.wouldCycle(unit.key(), unit.parent())) {
                throw new ValidationException("parent", "a unit cannot be placed below itself");
            }
            return units.put(unit.key(), unit) == null;
        }

        @Override
        public boolean delete(String key) {
            if (!belonging.isEmpty()) {
                throw new UnitInUseException(key, belonging);
            }
            return units.remove(key) != null;
        }
    }

    private final MemoryUnits units = new MemoryUnits();
    private final InMemoryRules rules = new InMemoryRules();
    private final List<AuditEntry> trail = new ArrayList<>();

    private final Console console = new Console(new NoServices() {
        @Override
        public NotificationService notifications() {
            return engine("sentByRule", Map.of());
        }

        @Override
        public RuleService rules() {
            return rules;
        }

        @Override
        public Units units() {
            return units;
        }

        @Override
        public AuditTrail audit() {
            return NoServices.trail(trail);
        }
    });

    private static final Access ADMIN = new Access(Access.Level.ADMIN, true);
    private static final Access NORTH_EDITOR = new Access(Access.Level.EDITOR, false, Set.of("north"));

    private static View view(Access access, String... namesAndValues) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
        }
        return new View("/system/console/tidings", params, "token", null, access);
    }

    private void tree() {
        units.save(new Unit("head", "Head office", null));
        units.save(new Unit("north", "North", "head"));
        units.save(new Unit("south", "South", "head"));
        units.save(new Unit("shop-n1", "Shop N1", "north"));
    }

    private void rule(String key, String unit) {
        rules.stored.put(key, new NotificationRule(key, key, "order.created", null, List.of(), null, List.of("t"), null,
                Purpose.TRANSACTIONAL, null, true).withUnit(unit));
    }

    @Test
    public void administratorsManageTheTreeOnTheUnitsTab() {
        Redirect created = console.post("/unit/save", view(ADMIN, "key", "head", "name", "Head office"), "karaf");
        assertFalse(created.flash().message(), created.flash().error());
        console.post("/unit/save", view(ADMIN, "key", "north", "name", "North", "parent", "head"), "karaf");

        String page = console.page("/units", view(ADMIN)).toString();
        assertTrue(page, page.contains("<tr data-unit='north'>"));
        assertTrue(page, page.contains("<code>tidings-unit-north</code>"));
        assertTrue("the child is listed below its parent", page.indexOf("data-unit='head'") < page.indexOf("data-unit='north'"));
        assertEquals(List.of("created", "created"), trail.stream().map(AuditEntry::action).toList());

        Redirect cycle = console.post("/unit/save", view(ADMIN, "original", "head", "key", "head", "name", "Head",
                "parent", "north"), "karaf");
        assertTrue(cycle.flash().error());
        assertEquals("parent", cycle.flash().field());
        assertEquals(null, units.units.get("head").parent());

        units.belonging.add("rule:ready");
        Redirect refused = console.post("/unit/delete", view(ADMIN, "key", "north"), "karaf");
        assertTrue(refused.flash().error());
        assertTrue(refused.flash().message(), refused.flash().message().contains("rule:ready"));
        units.belonging.clear();
        String confirm = console.page("/unit/delete", view(ADMIN, "key", "north")).toString();
        assertTrue(confirm, confirm.contains("Delete unit north?"));
        Redirect deleted = console.post("/unit/delete", view(ADMIN, "key", "north"), "karaf");
        assertFalse(deleted.flash().message(), deleted.flash().error());
        assertFalse(units.units.containsKey("north"));

        String forEditor = console.page("/units", view(new Access(Access.Level.EDITOR, false))).toString();
        assertFalse("editors have no Units tab", forEditor.contains("data-unit="));
    }

    @Test
    public void aUnitLimitedUserSeesAndChangesOnlyItsSubtree() {
        tree();
        rule("head-rule", null);
        rule("shop-rule", "shop-n1");
        rule("south-rule", "south");

        // (a viewer: an editor's list also offers bulk changes, which need the template store)
        String list = console.page("/rules", view(new Access(Access.Level.VIEWER, false, Set.of("north")))).toString();
        assertTrue(list, list.contains("<tr data-rule='shop-rule'>"));
        assertTrue("head office rules are visible", list.contains("<tr data-rule='head-rule'>"));
        assertFalse(list, list.contains("data-rule='south-rule'"));
        assertTrue(list, list.contains("<td class='tidings-unit'>shop-n1</td>"));

        String other = console.page("/rule/edit", view(NORTH_EDITOR, "key", "south-rule")).toString();
        assertTrue(other, other.contains("there is no rule &#39;south-rule&#39;"));
        Redirect delete = console.post("/rule/delete", view(NORTH_EDITOR, "key", "south-rule"), "anna");
        assertTrue(delete.flash().error());
        assertTrue(rules.stored.containsKey("south-rule"));

        Redirect headChange = console.post("/rule/enabled", view(NORTH_EDITOR, "key", "head-rule", "enabled", "false"),
                "anna");
        assertTrue(headChange.flash().error());
        assertEquals("unit", headChange.flash().field());
        assertTrue(rules.stored.get("head-rule").enabled());

        Redirect created = console.post("/rule/save", view(NORTH_EDITOR, "key", "mine", "event", "order.created",
                "templates", "t", "enabled", "on"), "anna");
        assertFalse(created.flash().message(), created.flash().error());
        assertEquals("a missing unit is the user's single unit", "north", rules.stored.get("mine").unit());
        Redirect elsewhere = console.post("/rule/save", view(NORTH_EDITOR, "key", "theirs", "event", "order.created",
                "templates", "t", "unit", "south"), "anna");
        assertTrue(elsewhere.flash().error());
        assertEquals("unit", elsewhere.flash().field());
        assertFalse(rules.stored.containsKey("theirs"));
    }
}
