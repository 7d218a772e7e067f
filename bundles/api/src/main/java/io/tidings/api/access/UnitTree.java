package io.tidings.api.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The units as a tree: who is above and below whom. */
public final class UnitTree {

    private final Map<String, Unit> byKey = new LinkedHashMap<>();

    public UnitTree(Collection<Unit> units) {
        for (Unit unit : units) {
            byKey.put(unit.key(), unit);
        }
    }

    public boolean contains(String key) {
        return key != null && byKey.containsKey(key);
    }

    public List<Unit> units() {
        return List.copyOf(byKey.values());
    }

    /** The unit and the units above it, nearest first; just the key for a unit the tree does not know. */
    public List<String> lineage(String key) {
        List<String> lineage = new ArrayList<>();
        String current = key;
        while (current != null && !lineage.contains(current)) {
            lineage.add(current);
            Unit unit = byKey.get(current);
            current = unit == null ? null : unit.parent();
        }
        return lineage;
    }

    /** The unit and every unit below it. */
    public Set<String> subtree(String key) {
        Set<String> found = new LinkedHashSet<>();
        found.add(key);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Unit unit : byKey.values()) {
                if (unit.parent() != null && found.contains(unit.parent()) && found.add(unit.key())) {
                    grew = true;
                }
            }
        }
        return found;
    }

    /** Whether giving {@code key} this parent would put it below itself. */
    public boolean wouldCycle(String key, String parent) {
        return parent != null && lineage(parent).contains(key);
    }

    /** The units directly below. */
    public List<Unit> children(String key) {
        return byKey.values().stream().filter(u -> key == null ? u.parent() == null : key.equals(u.parent())).toList();
    }
}
