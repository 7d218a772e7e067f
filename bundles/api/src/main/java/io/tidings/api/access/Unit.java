package io.tidings.api.access;

import io.tidings.api.ValidationException;

/**
 * An organisational unit: a node of the tree head office → region → shop. Templates, rules,
 * locations and communications may belong to one; a user or API key limited to units sees and
 * changes what belongs to them or to units below.
 *
 * @param key    lower-case letters, digits and '-', e.g. {@code region-north}
 * @param name   what people call it, e.g. {@code North}
 * @param parent the key of the unit above; null for a unit at the top
 */
public record Unit(String key, String name, String parent) {

    /** The Karaf role that limits a user to a unit and the units below: {@code tidings-unit-<key>}. */
    public static final String ROLE_PREFIX = "tidings-unit-";

    /** Checks the key and name; names the field at fault. */
    public void validate() {
        checkKey(key, "key");
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", "is required");
        }
        if (name.length() > 200) {
            throw new ValidationException("name", "must be at most 200 characters");
        }
        if (parent != null) {
            checkKey(parent, "parent");
            if (parent.equals(key)) {
                throw new ValidationException("parent", "a unit cannot be its own parent");
            }
        }
    }

    /**
     * Checks a unit key as given in a field.
     *
     * @throws ValidationException naming {@code field} unless the key is 1 to 64 of lower-case letters,
     *                             digits and '-'
     */
    public static void checkKey(String key, String field) {
        if (key == null || key.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        if (!key.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new ValidationException(field, "must be 1 to 64 lower-case letters, digits and '-' (starting with a"
                    + " letter or digit); was '" + key + "'");
        }
    }

    /** The role that limits to this unit. */
    public String role() {
        return ROLE_PREFIX + key;
    }
}
