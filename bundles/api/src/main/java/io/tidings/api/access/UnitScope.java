package io.tidings.api.access;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import io.tidings.api.ValidationException;

/**
 * What a caller may see and change by organisational unit: the one rule that the REST API, the web
 * console and the shell apply. A caller without {@code tidings-unit-<key>} roles is unrestricted.
 * A caller with some sees objects of those units and the units below them; templates, rules and
 * locations of no unit (head office) are visible to it but not changeable; communications of no unit
 * are not visible to it.
 */
public final class UnitScope {

    private static final UnitScope UNRESTRICTED = new UnitScope(Set.of(), Set.of());

    private final Set<String> granted;
    private final Set<String> visible;

    private UnitScope(Set<String> granted, Set<String> visible) {
        this.granted = granted;
        this.visible = visible;
    }

    public static UnitScope unrestricted() {
        return UNRESTRICTED;
    }

    /** The units named by {@code tidings-unit-<key>} role names. */
    public static Set<String> unitsOf(Collection<String> roles) {
        Set<String> units = new TreeSet<>();
        for (String role : roles) {
            if (role.startsWith(Unit.ROLE_PREFIX) && role.length() > Unit.ROLE_PREFIX.length()) {
                units.add(role.substring(Unit.ROLE_PREFIX.length()));
            }
        }
        return units;
    }

    /** @param roles the caller's role names; @param tree the units as they stand */
    public static UnitScope of(Collection<String> roles, UnitTree tree) {
        Set<String> granted = unitsOf(roles);
        if (granted.isEmpty()) {
            return UNRESTRICTED;
        }
        Set<String> visible = new TreeSet<>();
        for (String unit : granted) {
            visible.addAll(tree.subtree(unit));
        }
        return new UnitScope(Set.copyOf(granted), Set.copyOf(visible));
    }

    public boolean restricted() {
        return !granted.isEmpty();
    }

    /** The units the caller's roles name (empty when unrestricted). */
    public Set<String> granted() {
        return granted;
    }

    /** The granted units and every unit below them (empty when unrestricted). */
    public Set<String> visible() {
        return visible;
    }

    /** Whether a template, rule or location of this unit (null: head office) is visible. */
    public boolean sees(String unit) {
        return !restricted() || unit == null || visible.contains(unit);
    }

    /** Whether a communication of this unit (null: head office) is visible. */
    public boolean seesRecord(String unit) {
        return !restricted() || unit != null && visible.contains(unit);
    }

    /** Whether an object of this unit may be created, changed or deleted. */
    public boolean mayChange(String unit) {
        return seesRecord(unit);
    }

    /**
     * The unit an object the caller creates or changes belongs to.
     *
     * @param requested the unit the caller named; null for none
     * @param field     the field it was named in, for errors
     * @return {@code requested} when allowed; for a limited caller naming none, its single unit
     * @throws ValidationException         when a limited caller with several units names none
     * @throws UnitAccessException         when the unit is outside the caller's units
     */
    public String unitFor(String requested, String field) {
        if (!restricted()) {
            return requested;
        }
        if (requested == null) {
            if (granted.size() == 1) {
                return granted.iterator().next();
            }
            throw new ValidationException(field, "is required: you act for the units " + String.join(", ", granted));
        }
        check(requested);
        return requested;
    }

    /**
     * The unit of an object the caller saves, as {@link #unitFor} decides it, which must be a unit of the tree.
     *
     * @throws ValidationException naming {@code field} for a unit the tree does not have
     */
    public String assign(String requested, String field, UnitTree tree) {
        String unit = unitFor(requested, field);
        if (unit != null && !tree.contains(unit)) {
            throw new ValidationException(field, "no unit '" + unit + "'; create it first (POST /units)");
        }
        return unit;
    }

    /** @throws UnitAccessException unless an object of this unit may be changed */
    public void check(String unit) {
        if (!mayChange(unit)) {
            throw new UnitAccessException(unit, unit == null
                    ? "objects of no unit belong to the head office; you may change only those of the units "
                            + String.join(", ", granted) + " and below"
                    : "unit '" + unit + "' is outside your units (" + String.join(", ", granted) + " and below)");
        }
    }

    @Override
    public String toString() {
        return restricted() ? "units " + granted : "unrestricted";
    }
}
