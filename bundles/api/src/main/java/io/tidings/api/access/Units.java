package io.tidings.api.access;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.ValidationException;

/** The tree of organisational units (head office → region → shop). */
@ProviderType
public interface Units {

    /** Every unit, by key. */
    List<Unit> units();

    Optional<Unit> unit(String key);

    /**
     * Creates or changes a unit.
     *
     * @return true when it was created, false when it was changed
     * @throws ValidationException naming {@code key}, {@code name} or {@code parent} (an unknown parent, or one
     *                             that would make a cycle)
     */
    boolean save(Unit unit);

    /**
     * Deletes a unit nothing belongs to any more.
     *
     * @return false when there is no such unit
     * @throws UnitInUseException while units, templates, rules, locations or communications belong to it
     */
    boolean delete(String key);

    /** The current tree, for deciding who sees what. */
    default UnitTree tree() {
        return new UnitTree(units());
    }
}
