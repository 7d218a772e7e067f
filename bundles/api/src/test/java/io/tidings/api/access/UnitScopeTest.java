package io.tidings.api.access;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.Test;

import io.tidings.api.ValidationException;

/** Who sees and changes what by unit: the rule REST, the console and the shell share. */
public class UnitScopeTest {

    private static final UnitTree TREE = new UnitTree(List.of(new Unit("head", "Head office", null),
            new Unit("north", "North", "head"), new Unit("south", "South", "head"),
            new Unit("shop-n1", "Shop N1", "north")));

    @Test
    public void aCallerWithoutUnitRolesIsUnrestricted() {
        UnitScope scope = UnitScope.of(Set.of("tidings-editor"), TREE);

        assertFalse(scope.restricted());
        assertTrue(scope.seesRecord(null));
        assertTrue(scope.mayChange("south"));
        assertEquals(null, scope.unitFor(null, "unit"));
    }

    @Test
    public void aUnitRoleLimitsToTheUnitAndTheUnitsBelow() {
        UnitScope scope = UnitScope.of(Set.of("tidings-editor", "tidings-unit-north"), TREE);

        assertEquals(Set.of("north", "shop-n1"), scope.visible());
        assertTrue(scope.sees("shop-n1"));
        assertFalse(scope.sees("south"));
        assertFalse("not the units above", scope.sees("head"));
        assertTrue("head office configuration is visible", scope.sees(null));
        assertFalse("but not changeable", scope.mayChange(null));
        assertFalse("head office communications are not shown", scope.seesRecord(null));
        assertEquals("north", scope.unitFor(null, "unit"));
        assertEquals("shop-n1", scope.unitFor("shop-n1", "unit"));
        UnitAccessException refused = assertThrows(UnitAccessException.class, () -> scope.unitFor("south", "unit"));
        assertEquals("south", refused.unit());
        UnitScope ghost = UnitScope.of(Set.of("tidings-unit-ghost"), TREE);
        ValidationException unknown = assertThrows(ValidationException.class, () -> ghost.assign(null, "unit", TREE));
        assertEquals("a role naming a unit the tree lacks assigns nothing", "unit", unknown.field());
    }

    @Test
    public void withSeveralUnitsTheUnitMustBeNamed() {
        UnitScope scope = UnitScope.of(Set.of("tidings-unit-north", "tidings-unit-south"), TREE);

        ValidationException missing = assertThrows(ValidationException.class, () -> scope.unitFor(null, "unit"));
        assertEquals("unit", missing.field());
        assertEquals("south", scope.unitFor("south", "unit"));
    }

    @Test
    public void theTreeKnowsLineagesAndCycles() {
        assertEquals(List.of("shop-n1", "north", "head"), TREE.lineage("shop-n1"));
        assertTrue(TREE.wouldCycle("head", "shop-n1"));
        assertFalse(TREE.wouldCycle("shop-n1", "south"));
        assertThrows(ValidationException.class, () -> new Unit("Shop_1", "Shop", null).validate());
    }
}
